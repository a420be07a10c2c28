import Foundation

/// One run of a program for a cadre, or a cohort of cadres of one village, from a start date.
public struct Workflow: Sendable, Hashable {
    public var id: WorkflowID
    public var programID: String
    public var programVersion: Int
    public var village: RegionCode
    /// The village's IANA zone, fixed when the workflow starts: its tasks live in this time.
    public var zoneIdentifier: String
    public var cadres: [CadreID]
    /// The registered facilitator who mentors this run, when there is one: given at the
    /// start, or the one assigned to the village on the start date.
    public var facilitatorID: FacilitatorID?
    /// A facilitator's name as free text: what workflows recorded before the facilitator
    /// register, kept and shown as written ("" when not named).
    public var facilitator: String
    public var startDate: LocalDate
    public var state: WorkflowState
    public var createdAt: Date

    public init(
        id: WorkflowID, programID: String, programVersion: Int, village: RegionCode, zoneIdentifier: String,
        cadres: [CadreID], facilitatorID: FacilitatorID? = nil, facilitator: String = "", startDate: LocalDate,
        state: WorkflowState = .active, createdAt: Date
    ) {
        self.id = id
        self.programID = programID
        self.programVersion = programVersion
        self.village = village
        self.zoneIdentifier = zoneIdentifier
        self.cadres = cadres
        self.facilitatorID = facilitatorID
        self.facilitator = facilitator
        self.startDate = startDate
        self.state = state
        self.createdAt = createdAt
    }
}
