/// Where a task stands. A task moves `scheduled → due → (in_progress) → done`, or ends
/// `missed`, `cancelled` or `failed`; every move is checked here and recorded in the history.
public enum TaskState: String, Sendable, Hashable, CaseIterable, Codable {
    case scheduled
    case due
    case inProgress = "in_progress"
    case done
    case missed
    case cancelled
    case failed

    /// A task in a final state never moves again.
    public var isFinal: Bool {
        switch self {
        case .done, .missed, .cancelled, .failed: true
        case .scheduled, .due, .inProgress: false
        }
    }

    /// The states this one may move to.
    public var successors: Set<TaskState> {
        switch self {
        case .scheduled: [.due, .inProgress, .done, .missed, .cancelled]
        case .due: [.inProgress, .done, .missed, .cancelled, .failed]
        case .inProgress: [.done, .failed, .cancelled]
        case .done, .missed, .cancelled, .failed: []
        }
    }

    public func canMove(to next: TaskState) -> Bool {
        successors.contains(next)
    }
}
