import Foundation
import KaderCore

/// The places a list may be narrowed to: any mix of province, regency, district and village
/// codes; a row matches when its village lies within every one given.
public struct RegionFilter: Sendable, Hashable {
    public var within: [RegionCode]

    public init(within: [RegionCode] = []) {
        self.within = within
    }
}

public struct CadreQuery: Sendable, Hashable {
    public var region: RegionFilter
    public var status: CadreStatus?
    /// Withdrawn registrations instead of the register.
    public var withdrawn: Bool

    public init(region: RegionFilter = RegionFilter(), status: CadreStatus? = nil, withdrawn: Bool = false) {
        self.region = region
        self.status = status
        self.withdrawn = withdrawn
    }
}

public struct WorkflowQuery: Sendable, Hashable {
    public var region: RegionFilter
    public var state: WorkflowState?
    public var cadre: CadreID?

    public init(region: RegionFilter = RegionFilter(), state: WorkflowState? = nil, cadre: CadreID? = nil) {
        self.region = region
        self.state = state
        self.cadre = cadre
    }
}

public struct TaskQuery: Sendable, Hashable {
    public var region: RegionFilter
    public var states: [TaskState]
    public var workflow: WorkflowID?
    /// Tasks whose window starts at or after this instant.
    public var from: Date?
    /// Tasks whose window starts before this instant.
    public var until: Date?
    /// Tasks this facilitator attends.
    public var facilitator: FacilitatorID?
    /// Only tasks that could not be placed within their facilitator's capacity.
    public var conflictsOnly: Bool

    public init(
        region: RegionFilter = RegionFilter(), states: [TaskState] = [], workflow: WorkflowID? = nil,
        from: Date? = nil, until: Date? = nil, facilitator: FacilitatorID? = nil, conflictsOnly: Bool = false
    ) {
        self.region = region
        self.states = states
        self.workflow = workflow
        self.from = from
        self.until = until
        self.facilitator = facilitator
        self.conflictsOnly = conflictsOnly
    }
}

/// A page cursor that cannot be read: it was not made by this store, or was altered.
public struct InvalidCursor: Error, Sendable, Hashable, CustomStringConvertible {
    public let cursor: String

    public init(cursor: String) {
        self.cursor = cursor
    }

    public var description: String { "'\(cursor)' is not a cursor from a previous page" }
}
