// Not all of Foundation: it would link ICU into kaderctl and slow every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A facilitator as the API shows them.
public struct FacilitatorInfo: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    /// pendamping_lokal_desa, pendamping_desa or tenaga_ahli.
    public var role: String
    public var phone: String
    public var email: String
    /// Villages a day.
    public var capacity: Int
    /// ISO weekday names in order: monday … sunday.
    public var workingDays: [String]
    public var registeredAt: Date

    public init(
        id: String, name: String, role: String, phone: String, email: String, capacity: Int, workingDays: [String],
        registeredAt: Date
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.phone = phone
        self.email = email
        self.capacity = capacity
        self.workingDays = workingDays
        self.registeredAt = registeredAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name, role, phone, email, capacity
        case workingDays = "working_days"
        case registeredAt = "registered_at"
    }
}

/// One cover of a village or district by a facilitator.
public struct AssignmentInfo: Codable, Sendable, Hashable {
    public var facilitator: String
    public var region: String
    public var regionName: String
    public var from: String
    public var until: String?

    public init(facilitator: String, region: String, regionName: String, from: String, until: String?) {
        self.facilitator = facilitator
        self.region = region
        self.regionName = regionName
        self.from = from
        self.until = until
    }

    enum CodingKeys: String, CodingKey {
        case facilitator, region, from, until
        case regionName = "region_name"
    }
}

/// `facilitator.register` and `facilitator.update` params; `id` and `reason` for updates.
public struct FacilitatorParams: Codable, Sendable, Hashable {
    public var id: String?
    public var name: String?
    public var role: String?
    public var phone: String?
    public var email: String?
    public var capacity: Int?
    public var workingDays: [String]?
    public var reason: String?

    public init(
        id: String? = nil, name: String? = nil, role: String? = nil, phone: String? = nil, email: String? = nil,
        capacity: Int? = nil, workingDays: [String]? = nil, reason: String? = nil
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.phone = phone
        self.email = email
        self.capacity = capacity
        self.workingDays = workingDays
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case id, name, role, phone, email, capacity, reason
        case workingDays = "working_days"
    }
}

public struct FacilitatorListParams: Codable, Sendable, Hashable {
    public var role: String?
    public init(role: String? = nil) { self.role = role }
}

public struct FacilitatorList: Codable, Sendable, Hashable {
    public var facilitators: [FacilitatorInfo]
    public init(facilitators: [FacilitatorInfo]) { self.facilitators = facilitators }
}

public struct FacilitatorDetail: Codable, Sendable, Hashable {
    public var facilitator: FacilitatorInfo
    public var assignments: [AssignmentInfo]
    public var history: [HistoryInfo]

    public init(facilitator: FacilitatorInfo, assignments: [AssignmentInfo], history: [HistoryInfo]) {
        self.facilitator = facilitator
        self.assignments = assignments
        self.history = history
    }
}

/// `facilitator.assign`: a village or district to a facilitator from a day.
public struct FacilitatorAssignParams: Codable, Sendable, Hashable {
    public var id: String
    public var region: String
    public var from: String
    public var until: String?
    public var reason: String?

    public init(id: String, region: String, from: String, until: String? = nil, reason: String? = nil) {
        self.id = id
        self.region = region
        self.from = from
        self.until = until
        self.reason = reason
    }
}

public struct FacilitatorAssignResult: Codable, Sendable, Hashable {
    public var assignment: AssignmentInfo
    /// Other facilitators' assignments of the region that ended the day before.
    public var ended: [AssignmentInfo]
    /// Active workflows now mentored by this facilitator.
    public var workflows: [String]

    public init(assignment: AssignmentInfo, ended: [AssignmentInfo], workflows: [String]) {
        self.assignment = assignment
        self.ended = ended
        self.workflows = workflows
    }
}

/// `facilitator.agenda`: a facilitator's tasks between two days, both included.
public struct FacilitatorAgendaParams: Codable, Sendable, Hashable {
    public var id: String
    public var from: String?
    public var to: String?

    public init(id: String, from: String? = nil, to: String? = nil) {
        self.id = id
        self.from = from
        self.to = to
    }
}

/// One task of an agenda, with the names of its cadres.
public struct AgendaItem: Codable, Sendable, Hashable {
    public var task: TaskInfo
    public var cadres: [String]

    public init(task: TaskInfo, cadres: [String]) {
        self.task = task
        self.cadres = cadres
    }
}

public struct FacilitatorAgenda: Codable, Sendable, Hashable {
    public var facilitator: FacilitatorInfo
    public var from: String
    public var to: String
    public var items: [AgendaItem]

    public init(facilitator: FacilitatorInfo, from: String, to: String, items: [AgendaItem]) {
        self.facilitator = facilitator
        self.from = from
        self.to = to
        self.items = items
    }
}
