import KaderCore

/// The few facts `daemon.status` reports about the store, kept current by every write so
/// that the status is answered from memory, without a read or a thread hop.
public struct StoreSummary: Sendable, Hashable {
    public var taskCounts: [TaskState: Int]
    public var activeWorkflows: Int
    /// The scheduled task whose window opens next.
    public var nextScheduled: WorkflowTask?

    public init(taskCounts: [TaskState: Int] = [:], activeWorkflows: Int = 0, nextScheduled: WorkflowTask? = nil) {
        self.taskCounts = taskCounts
        self.activeWorkflows = activeWorkflows
        self.nextScheduled = nextScheduled
    }

    /// Read from the counts kept with every change (`state_count`) and one index lookup: a
    /// few microseconds.
    public init(reader: StoreReader) throws {
        self.init(
            taskCounts: try reader.taskCounts(), activeWorkflows: try reader.workflowCount(state: .active),
            nextScheduled: try reader.nextScheduledTask())
    }
}
