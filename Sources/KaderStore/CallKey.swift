import Foundation
import Synchronization

/// A call's idempotency key, as the write that carries it out records it.
///
/// A client that lost its connection before the reply (the daemon was restarting) sends the
/// call again with the same key. The key is written in the same transaction as the call's
/// first change, so either both are kept or neither is: a retry finds the key exactly when
/// the first try changed something, and is answered from the record instead of changing it
/// again. Handed to the store through a task-local (`CallKey.current`), so that no method
/// and no engine code has to pass it along.
public final class CallKey: Sendable {
    /// The key of the call the current task is carrying out, if it came with one.
    @TaskLocal public static var current: CallKey?

    public let key: String
    public let method: String
    /// A digest of the call's params: a key sent again with other params is refused.
    public let paramsDigest: String
    private let recorded = Atomic<Bool>(false)

    public init(key: String, method: String, paramsDigest: String) {
        self.key = key
        self.method = method
        self.paramsDigest = paramsDigest
    }

    /// Whether a committed write of this call holds the key already: a call that writes
    /// more than once records it with its first change that commits.
    public var isRecorded: Bool { recorded.load(ordering: .relaxed) }

    /// Called once the write that recorded the key has committed.
    public func markRecorded() {
        recorded.store(true, ordering: .relaxed)
    }

    /// The key for the write about to run in the current task, nil when there is none or
    /// an earlier write of the call recorded it.
    public static var unrecorded: CallKey? {
        guard let current, !current.isRecorded else { return nil }
        return current
    }
}

/// What the store kept of a call made with an idempotency key.
public struct CallRecord: Sendable, Equatable {
    public var method: String
    public var paramsDigest: String
    public var at: Date
    /// The reply sent, once kept; nil between the call's commit and the keeping of its reply
    /// (a crash there leaves it nil for good).
    public var reply: String?

    public init(method: String, paramsDigest: String, at: Date, reply: String?) {
        self.method = method
        self.paramsDigest = paramsDigest
        self.at = at
        self.reply = reply
    }

    /// How long keys are kept: a client retries within seconds, a script within minutes.
    public static let keptFor: TimeInterval = 24 * 3600
}
