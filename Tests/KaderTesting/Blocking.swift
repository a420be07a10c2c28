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

/// How long a test waits for something that must happen (READY=1, a journal entry, a log
/// line) before it fails. Not a bound on how fast it happens: long enough that a machine
/// saturated by a build beside the suite still gets there; a passing test never waits it out.
/// In the suite's first minute on two cores, when every suite starts its daemons at once,
/// tests that need no daemon have taken 38 s to pass: 30 s was not enough.
public let waitLimit: Double = 60
