import KaderCore

/// A scheduled or due task whose window opens on a blackout, and the blackout: what an
/// operator moves with `task.reschedule` after a reload adds a day under planned work.
public struct TaskOnBlackout: Sendable, Hashable {
    public let task: WorkflowTask
    /// The most specific blackout the task's opening falls in.
    public let blackout: Blackout

    public init(task: WorkflowTask, blackout: Blackout) {
        self.task = task
        self.blackout = blackout
    }
}
