import Foundation

/// What a running program has written so far, which a test can wait on: a log line is
/// written before the reply it precedes, but the reader thread may not have read it yet.
public final class Transcript: Sendable {
    // NSCondition is thread-safe by design; `data` is only touched while holding it.
    private let condition = NSCondition()
    nonisolated(unsafe) private var data = Data()

    public init() {}

    public func append(_ chunk: Data) {
        condition.lock()
        data.append(chunk)
        condition.broadcast()
        condition.unlock()
    }

    public var text: String {
        condition.lock()
        defer { condition.unlock() }
        return String(decoding: data, as: UTF8.self)
    }

    /// Waits until the text contains `needle`; false when `timeout` seconds pass first.
    public func wait(for needle: String, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while !String(decoding: data, as: UTF8.self).contains(needle) {
            guard condition.wait(until: deadline) else { return false }
        }
        return true
    }
}
