// Not all of Foundation: it would link ICU into kaderctl and slow every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A task as the API shows it: its window in the village's own time, with the offset.
public struct TaskInfo: Codable, Sendable, Hashable {
    public var id: String
    public var workflow: String
    public var step: String
    public var kind: String
    public var title: String
    public var occurrence: Int
    public var occurrences: Int
    public var village: String
    public var villageName: String
    /// WIB, WITA or WIT.
    public var zone: String
    public var timeZone: String
    /// ISO 8601 with the village's offset, e.g. 2026-12-01T09:00:00+08:00.
    public var windowStart: String
    public var windowEnd: String
    public var state: String
    public var records: [String: String]
    public var updatedAt: Date
    /// The facilitator attending it (fac_…), for the steps a facilitator attends.
    public var facilitator: String?
    /// Why it could not fit its facilitator's week: it kept its day, double-booked.
    public var conflict: String?

    public init(
        id: String, workflow: String, step: String, kind: String, title: String, occurrence: Int, occurrences: Int,
        village: String, villageName: String, zone: String, timeZone: String, windowStart: String, windowEnd: String,
        state: String, records: [String: String], updatedAt: Date, facilitator: String? = nil, conflict: String? = nil
    ) {
        self.id = id
        self.workflow = workflow
        self.step = step
        self.kind = kind
        self.title = title
        self.occurrence = occurrence
        self.occurrences = occurrences
        self.village = village
        self.villageName = villageName
        self.zone = zone
        self.timeZone = timeZone
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.state = state
        self.records = records
        self.updatedAt = updatedAt
        self.facilitator = facilitator
        self.conflict = conflict
    }

    enum CodingKeys: String, CodingKey {
        case id, workflow, step, kind, title, occurrence, occurrences, village, zone, state, records, facilitator, conflict
        case villageName = "village_name"
        case timeZone = "time_zone"
        case windowStart = "window_start"
        case windowEnd = "window_end"
        case updatedAt = "updated_at"
    }
}

public struct WorkflowInfo: Codable, Sendable, Hashable {
    public var id: String
    public var program: String
    public var programVersion: Int
    public var village: String
    public var villageName: String
    public var zone: String
    public var timeZone: String
    public var cadres: [String]
    /// The cadres' names, in the order of `cadres` (lists only).
    public var cadreNames: [String]?
    /// Tasks done, of all the workflow's tasks (lists only).
    public var tasksDone: Int?
    public var tasksTotal: Int?
    /// The registered facilitator mentoring this run (fac_…), when there is one.
    public var facilitatorID: String?
    /// A facilitator named in free text before the register existed; "" when none.
    public var facilitator: String
    public var startDate: String
    public var state: String
    public var createdAt: Date

    public init(
        id: String, program: String, programVersion: Int, village: String, villageName: String, zone: String,
        timeZone: String, cadres: [String], facilitatorID: String? = nil, facilitator: String, startDate: String,
        state: String, createdAt: Date
    ) {
        self.id = id
        self.program = program
        self.programVersion = programVersion
        self.village = village
        self.villageName = villageName
        self.zone = zone
        self.timeZone = timeZone
        self.cadres = cadres
        self.facilitatorID = facilitatorID
        self.facilitator = facilitator
        self.startDate = startDate
        self.state = state
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, program, village, zone, cadres, state, facilitator
        case facilitatorID = "facilitator_id"
        case cadreNames = "cadre_names"
        case tasksDone = "tasks_done"
        case tasksTotal = "tasks_total"
        case programVersion = "program_version"
        case villageName = "village_name"
        case timeZone = "time_zone"
        case startDate = "start_date"
        case createdAt = "created_at"
    }
}

public struct WorkflowDetail: Codable, Sendable, Hashable {
    public var workflow: WorkflowInfo
    public var tasks: [TaskInfo]

    public init(workflow: WorkflowInfo, tasks: [TaskInfo]) {
        self.workflow = workflow
        self.tasks = tasks
    }
}

public struct WorkflowStartParams: Codable, Sendable, Hashable {
    /// Program id; default `kpmd`.
    public var program: String?
    /// Program version; default the latest.
    public var version: Int?
    /// One cadre…
    public var cadre: String?
    /// …or a cohort of one village.
    public var cadres: [String]?
    /// The registered facilitator mentoring the run (fac_…); default the one assigned to
    /// the village on the start date.
    public var facilitatorID: String?
    /// A facilitator named in free text, as before the register (kept and shown).
    public var facilitator: String?
    /// The workflow's first day, YYYY-MM-DD, in the village's calendar.
    public var startDate: String

    public init(
        program: String? = nil, version: Int? = nil, cadre: String? = nil, cadres: [String]? = nil,
        facilitatorID: String? = nil, facilitator: String? = nil, startDate: String
    ) {
        self.facilitatorID = facilitatorID
        self.facilitator = facilitator
        self.program = program
        self.version = version
        self.cadre = cadre
        self.cadres = cadres
        self.startDate = startDate
    }

    enum CodingKeys: String, CodingKey {
        case program, version, cadre, cadres, facilitator
        case facilitatorID = "facilitator_id"
        case startDate = "start_date"
    }
}

public struct WorkflowListParams: Codable, Sendable, Hashable {
    public var province: String?
    public var regency: String?
    public var district: String?
    public var village: String?
    public var state: String?
    public var cadre: String?
    public var cursor: String?
    public var limit: Int?

    public init(
        province: String? = nil, regency: String? = nil, district: String? = nil, village: String? = nil,
        state: String? = nil, cadre: String? = nil, cursor: String? = nil, limit: Int? = nil
    ) {
        self.province = province
        self.regency = regency
        self.district = district
        self.village = village
        self.state = state
        self.cadre = cadre
        self.cursor = cursor
        self.limit = limit
    }
}

public struct WorkflowList: Codable, Sendable, Hashable {
    public var workflows: [WorkflowInfo]
    public var nextCursor: String?

    public init(workflows: [WorkflowInfo], nextCursor: String?) {
        self.workflows = workflows
        self.nextCursor = nextCursor
    }

    enum CodingKeys: String, CodingKey {
        case workflows
        case nextCursor = "next_cursor"
    }

    /// `next_cursor` is always written, null on the last page, as the schema says.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(workflows, forKey: .workflows)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}

public struct ReasonParams: Codable, Sendable, Hashable {
    public var id: String
    public var reason: String?

    public init(id: String, reason: String? = nil) {
        self.id = id
        self.reason = reason
    }
}

public struct TaskListParams: Codable, Sendable, Hashable {
    public var province: String?
    public var regency: String?
    public var district: String?
    public var village: String?
    /// One state or several, comma-separated (scheduled,due).
    public var state: String?
    public var workflow: String?
    /// Window starts at or after: a date (midnight in the listed region's zone) or an ISO
    /// 8601 date-time with offset.
    public var from: String?
    /// Window starts before: as `from`.
    public var to: String?
    /// Only tasks this facilitator attends.
    public var facilitator: String?
    /// Only tasks that did not fit their facilitator's week.
    public var conflicts: Bool?
    public var cursor: String?
    public var limit: Int?

    public init(
        province: String? = nil, regency: String? = nil, district: String? = nil, village: String? = nil,
        state: String? = nil, workflow: String? = nil, from: String? = nil, to: String? = nil,
        facilitator: String? = nil, conflicts: Bool? = nil, cursor: String? = nil, limit: Int? = nil
    ) {
        self.facilitator = facilitator
        self.conflicts = conflicts
        self.province = province
        self.regency = regency
        self.district = district
        self.village = village
        self.state = state
        self.workflow = workflow
        self.from = from
        self.to = to
        self.cursor = cursor
        self.limit = limit
    }
}

public struct TaskList: Codable, Sendable, Hashable {
    public var tasks: [TaskInfo]
    public var nextCursor: String?

    public init(tasks: [TaskInfo], nextCursor: String?) {
        self.tasks = tasks
        self.nextCursor = nextCursor
    }

    enum CodingKeys: String, CodingKey {
        case tasks
        case nextCursor = "next_cursor"
    }

    /// `next_cursor` is always written, null on the last page, as the schema says.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tasks, forKey: .tasks)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}

/// `task.start`: the task, and `force` with a `reason` when the steps it comes after have
/// not ended but it really began.
public struct TaskStartParams: Codable, Sendable, Hashable {
    public var id: String
    public var force: Bool?
    public var reason: String?

    public init(id: String, force: Bool? = nil, reason: String? = nil) {
        self.id = id
        self.force = force
        self.reason = reason
    }
}

public struct TaskCompleteParams: Codable, Sendable, Hashable {
    public var id: String
    /// What the step records (decree_number, decree_date, …).
    public var records: [String: String]?
    public var note: String?
    /// Done although the steps it comes after have not ended; `reason` says why.
    public var force: Bool?
    public var reason: String?

    public init(
        id: String, records: [String: String]? = nil, note: String? = nil, force: Bool? = nil, reason: String? = nil
    ) {
        self.id = id
        self.records = records
        self.note = note
        self.force = force
        self.reason = reason
    }
}

public struct TaskRescheduleParams: Codable, Sendable, Hashable {
    public var id: String
    /// The new start in the village's time: YYYY-MM-DDTHH:MM[:SS], or YYYY-MM-DD to keep the time of day.
    public var start: String
    public var reason: String?
    /// Onto a blackout all the same; `reason` says why.
    public var force: Bool?

    public init(id: String, start: String, reason: String? = nil, force: Bool? = nil) {
        self.id = id
        self.start = start
        self.reason = reason
        self.force = force
    }
}

public struct TaskDetail: Codable, Sendable, Hashable {
    public var task: TaskInfo
    public var history: [HistoryInfo]

    public init(task: TaskInfo, history: [HistoryInfo]) {
        self.task = task
        self.history = history
    }
}
