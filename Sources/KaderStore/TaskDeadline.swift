import Foundation
import KaderCore

/// A moment at which a task must change state by itself.
public struct TaskDeadline: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A scheduled task's window opens: it becomes due.
        case opens
        /// A window (plus the grace) has closed on a task not done: it is missed.
        case closes
    }

    public var at: Date
    public var task: TaskID
    public var kind: Kind

    public init(at: Date, task: TaskID, kind: Kind) {
        self.at = at
        self.task = task
        self.kind = kind
    }
}
