import Foundation

/// One scheduled occurrence of a step in a workflow: a window of time in the village's zone
/// and a state. (Named so as not to be confused with Swift's `Task`.)
public struct WorkflowTask: Sendable, Hashable {
    public var id: TaskID
    public var workflowID: WorkflowID
    public var stepID: String
    public var kind: StepKind
    public var title: String
    /// Which occurrence of its step this is (1-based), of `occurrences`.
    public var occurrence: Int
    public var occurrences: Int
    public var village: RegionCode
    public var zoneIdentifier: String
    public var windowStart: Date
    public var windowEnd: Date
    public var state: TaskState
    /// What was recorded when the task was done (e.g. `decree_number`), and remarks.
    public var records: [String: String]
    public var updatedAt: Date
    /// The facilitator who attends it, for the steps a facilitator attends.
    public var facilitatorID: FacilitatorID?
    /// Why it could not be placed within its facilitator's capacity and working days: it
    /// kept its day, double-booked. Nil when there is no such conflict.
    public var conflict: String?

    public init(
        id: TaskID, workflowID: WorkflowID, stepID: String, kind: StepKind, title: String, occurrence: Int,
        occurrences: Int, village: RegionCode, zoneIdentifier: String, windowStart: Date, windowEnd: Date,
        state: TaskState = .scheduled, records: [String: String] = [:], updatedAt: Date,
        facilitatorID: FacilitatorID? = nil, conflict: String? = nil
    ) {
        self.id = id
        self.workflowID = workflowID
        self.stepID = stepID
        self.kind = kind
        self.title = title
        self.occurrence = occurrence
        self.occurrences = occurrences
        self.village = village
        self.zoneIdentifier = zoneIdentifier
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.state = state
        self.records = records
        self.updatedAt = updatedAt
        self.facilitatorID = facilitatorID
        self.conflict = conflict
    }
}
