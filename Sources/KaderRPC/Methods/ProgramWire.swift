public struct ProgramStepInfo: Codable, Sendable, Hashable {
    public var id: String
    public var kind: String
    public var title: String
    public var after: [String]
    public var offsetDays: Int
    public var durationDays: Int
    public var time: String
    public var recurrence: String?
    public var records: [String]
    /// What a task on a blackout does: next_day, previous_day or keep.
    public var blackout: String

    public init(
        id: String, kind: String, title: String, after: [String], offsetDays: Int, durationDays: Int, time: String,
        recurrence: String?, records: [String], blackout: String
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.after = after
        self.offsetDays = offsetDays
        self.durationDays = durationDays
        self.time = time
        self.recurrence = recurrence
        self.records = records
        self.blackout = blackout
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, title, after, time, recurrence, records, blackout
        case offsetDays = "offset_days"
        case durationDays = "duration_days"
    }
}

public struct ProgramInfo: Codable, Sendable, Hashable {
    public var id: String
    public var version: Int
    public var title: String
    public var summary: String
    /// The kinds of village it runs in: `kelurahan`, `desa`, `desa_adat`. A workflow of it
    /// in a village of another kind is refused.
    public var villageKinds: [String]
    /// Where it was loaded from: a file, or the built-in program.
    public var source: String
    /// Every version loaded, oldest first.
    public var versions: [Int]
    public var steps: [ProgramStepInfo]

    /// Every kind of village, what a program file that names none is for.
    public static let allVillageKinds = ["kelurahan", "desa", "desa_adat"]

    public init(
        id: String, version: Int, title: String, summary: String, villageKinds: [String] = allVillageKinds,
        source: String, versions: [Int], steps: [ProgramStepInfo]
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.summary = summary
        self.villageKinds = villageKinds
        self.source = source
        self.versions = versions
        self.steps = steps
    }

    enum CodingKeys: String, CodingKey {
        case id, version, title, summary, source, versions, steps
        case villageKinds = "village_kinds"
    }
}

/// A program file that was refused, and why.
public struct ProgramRefusalInfo: Codable, Sendable, Hashable {
    public var file: String
    public var problems: [String]

    public init(file: String, problems: [String]) {
        self.file = file
        self.problems = problems
    }
}

public struct ProgramList: Codable, Sendable, Hashable {
    public var programs: [ProgramInfo]
    public var refused: [ProgramRefusalInfo]

    public init(programs: [ProgramInfo], refused: [ProgramRefusalInfo]) {
        self.programs = programs
        self.refused = refused
    }
}

public struct ProgramGetParams: Codable, Sendable, Hashable {
    public var id: String
    public var version: Int?

    public init(id: String, version: Int? = nil) {
        self.id = id
        self.version = version
    }
}
