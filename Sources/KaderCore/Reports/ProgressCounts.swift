/// What `report.progress` counts in a region (a village, or everything within a larger
/// one), as of the report's moment. Counts add up from villages; facilitators do not (one
/// facilitator covers several villages), so a rollup counts them itself.
public struct ProgressCounts: Sendable, Hashable {
    /// Villages that develop KPMD (desa and desa adat); a kelurahan has none.
    public var villages = 0
    /// Villages with at least one KPMD: a registered cadre who is active or has completed the program.
    public var villagesWithKPMD = 0
    /// Registered cadres (not withdrawn) by their status now, of those registered by the moment.
    public var cadres: [CadreStatus: Int] = [:]
    /// Active workflows by the step each has reached: that of its latest task whose window
    /// has opened, or its first step before any has.
    public var activeWorkflows: [String: Int] = [:]
    /// Tasks done by the moment, and of them those done before their window closed.
    public var tasksDone = 0
    public var tasksDoneOnTime = 0
    /// Tasks the scheduler marked missed by the moment.
    public var tasksMissed = 0
    /// Tasks whose window had closed by the moment with nothing recorded: neither done,
    /// missed, cancelled nor failed then.
    public var tasksOverdue = 0
    /// Facilitators with an assignment covering the region (or a part of it) on the day.
    public var facilitators = 0

    public init() {}

    /// Tasks done on time, of those whose window had closed or that were done: nil before any.
    public var onTimeRate: Double? {
        let decided = tasksDone + tasksMissed + tasksOverdue
        return decided == 0 ? nil : Double(tasksDoneOnTime) / Double(decided)
    }

    /// Share of villages with a KPMD: nil for a region with no desa.
    public var kpmdRate: Double? {
        villages == 0 ? nil : Double(villagesWithKPMD) / Double(villages)
    }

    /// Adds every count but facilitators.
    public mutating func add(_ other: ProgressCounts) {
        villages += other.villages
        villagesWithKPMD += other.villagesWithKPMD
        cadres.merge(other.cadres, uniquingKeysWith: +)
        activeWorkflows.merge(other.activeWorkflows, uniquingKeysWith: +)
        tasksDone += other.tasksDone
        tasksDoneOnTime += other.tasksDoneOnTime
        tasksMissed += other.tasksMissed
        tasksOverdue += other.tasksOverdue
    }
}
