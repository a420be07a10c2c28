import Foundation

/// `report.progress` params: at most one region (none: the whole country, a row per province).
public struct ProgressParams: Codable, Sendable, Hashable {
    public var province: String?
    public var regency: String?
    public var district: String?
    /// A day (YYYY-MM-DD): counts as they stood at its end in each village's zone.
    public var asOf: String?

    public init(province: String? = nil, regency: String? = nil, district: String? = nil, asOf: String? = nil) {
        self.province = province
        self.regency = regency
        self.district = district
        self.asOf = asOf
    }

    enum CodingKeys: String, CodingKey {
        case province, regency, district
        case asOf = "as_of"
    }
}

/// The counts of one row of `report.progress`, or of its total.
public struct ProgressRow: Codable, Sendable, Hashable {
    /// The row's region; nil in the total of the whole country.
    public var region: RegionInfo?
    /// Villages that develop KPMD (desa and desa adat; kelurahan have none).
    public var villages: Int
    public var villagesWithKPMD: Int
    /// villages_with_kpmd / villages; nil where there are no villages.
    public var kpmdRate: Double?
    /// Registered cadres by status: candidate, active, completed, inactive.
    public var cadres: [String: Int]
    public var activeWorkflows: Int
    /// Active workflows by the step each has reached; `not_started` before any.
    public var activeWorkflowsByStep: [String: Int]
    /// The key of workflows that have reached no step yet.
    public static let notStarted = "not_started"
    public var tasksDone: Int
    public var tasksDoneOnTime: Int
    public var tasksMissed: Int
    public var tasksOverdue: Int
    /// tasks_done_on_time / (tasks_done + tasks_missed + tasks_overdue); nil before any.
    public var onTimeRate: Double?
    public var facilitators: Int

    public init(
        region: RegionInfo?, villages: Int, villagesWithKPMD: Int, kpmdRate: Double?, cadres: [String: Int],
        activeWorkflows: Int, activeWorkflowsByStep: [String: Int], tasksDone: Int, tasksDoneOnTime: Int,
        tasksMissed: Int, tasksOverdue: Int, onTimeRate: Double?, facilitators: Int
    ) {
        self.region = region
        self.villages = villages
        self.villagesWithKPMD = villagesWithKPMD
        self.kpmdRate = kpmdRate
        self.cadres = cadres
        self.activeWorkflows = activeWorkflows
        self.activeWorkflowsByStep = activeWorkflowsByStep
        self.tasksDone = tasksDone
        self.tasksDoneOnTime = tasksDoneOnTime
        self.tasksMissed = tasksMissed
        self.tasksOverdue = tasksOverdue
        self.onTimeRate = onTimeRate
        self.facilitators = facilitators
    }

    enum CodingKeys: String, CodingKey {
        case region, villages, cadres, facilitators
        case villagesWithKPMD = "villages_with_kpmd"
        case kpmdRate = "kpmd_rate"
        case activeWorkflows = "active_workflows"
        case activeWorkflowsByStep = "active_workflows_by_step"
        case tasksDone = "tasks_done"
        case tasksDoneOnTime = "tasks_done_on_time"
        case tasksMissed = "tasks_missed"
        case tasksOverdue = "tasks_overdue"
        case onTimeRate = "on_time_rate"
    }

    /// Nulls written out, as the schema says, so scripts find every key in every row.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(region, forKey: .region)
        try container.encode(villages, forKey: .villages)
        try container.encode(villagesWithKPMD, forKey: .villagesWithKPMD)
        try container.encode(kpmdRate, forKey: .kpmdRate)
        try container.encode(cadres, forKey: .cadres)
        try container.encode(activeWorkflows, forKey: .activeWorkflows)
        try container.encode(activeWorkflowsByStep, forKey: .activeWorkflowsByStep)
        try container.encode(tasksDone, forKey: .tasksDone)
        try container.encode(tasksDoneOnTime, forKey: .tasksDoneOnTime)
        try container.encode(tasksMissed, forKey: .tasksMissed)
        try container.encode(tasksOverdue, forKey: .tasksOverdue)
        try container.encode(onTimeRate, forKey: .onTimeRate)
        try container.encode(facilitators, forKey: .facilitators)
    }
}

/// Tasks done and missed whose windows opened in a month (village time).
public struct ProgressMonth: Codable, Sendable, Hashable {
    /// YYYY-MM.
    public var month: String
    public var done: Int
    public var missed: Int

    public init(month: String, done: Int, missed: Int) {
        self.month = month
        self.done = done
        self.missed = missed
    }
}

public struct ProgressReportWire: Codable, Sendable, Hashable {
    /// The region reported on; nil for the whole country.
    public var region: RegionInfo?
    /// The level of the rows: province, regency, district or village.
    public var rowLevel: String
    /// The day given, or nil for now.
    public var asOf: String?
    /// When the report was made.
    public var madeAt: Date
    public var rows: [ProgressRow]
    public var total: ProgressRow
    /// Every month with a task done or missed, in order.
    public var months: [ProgressMonth]

    public init(
        region: RegionInfo?, rowLevel: String, asOf: String?, madeAt: Date, rows: [ProgressRow], total: ProgressRow,
        months: [ProgressMonth]
    ) {
        self.months = months
        self.region = region
        self.rowLevel = rowLevel
        self.asOf = asOf
        self.madeAt = madeAt
        self.rows = rows
        self.total = total
    }

    enum CodingKeys: String, CodingKey {
        case region, rows, total, months
        case rowLevel = "row_level"
        case asOf = "as_of"
        case madeAt = "made_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(region, forKey: .region)
        try container.encode(rowLevel, forKey: .rowLevel)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(madeAt, forKey: .madeAt)
        try container.encode(rows, forKey: .rows)
        try container.encode(total, forKey: .total)
        try container.encode(months, forKey: .months)
    }
}
