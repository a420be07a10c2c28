/// What a change replies, by one convention for every method that changes something: an
/// object naming the records changed under their kind (`{"task": …}`, `{"cadres": […]}`,
/// `{"workflow": …, "tasks": […]}`), never a bare record, so a reply can grow a member
/// without breaking a script.
public struct TaskChange: Codable, Sendable, Hashable {
    public var task: TaskInfo
    public init(task: TaskInfo) { self.task = task }
}

public struct CadreChange: Codable, Sendable, Hashable {
    public var cadre: CadreInfo
    public init(cadre: CadreInfo) { self.cadre = cadre }
}

public struct FacilitatorChange: Codable, Sendable, Hashable {
    public var facilitator: FacilitatorInfo
    public init(facilitator: FacilitatorInfo) { self.facilitator = facilitator }
}
