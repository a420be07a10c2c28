import Foundation

/// Runs blocking work (a socket read, waiting for a process) on a thread of its own.
///
/// Tests must not block the few cooperative threads: the server under test needs them to
/// answer, and on a two-core machine two blocked tests would stall every other test.
public func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try body() })
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
}
