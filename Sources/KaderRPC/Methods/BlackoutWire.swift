/// The params of `blackout.list`: a region (the most specific one given is listed), a
/// year, and whether to list the tasks on blackouts too.
public struct BlackoutListParams: Codable, Sendable, Hashable {
    public var province: String?
    public var regency: String?
    public var district: String?
    public var village: String?
    /// The year to list, in the region's calendar; default this year.
    public var year: Int?
    /// Also list the scheduled and due tasks whose window opens on a blackout; without a
    /// year, this year's and every later one's.
    public var affected: Bool?

    public init(
        province: String? = nil, regency: String? = nil, district: String? = nil, village: String? = nil,
        year: Int? = nil, affected: Bool? = nil
    ) {
        self.province = province
        self.regency = regency
        self.district = district
        self.village = village
        self.year = year
        self.affected = affected
    }
}

/// The blackouts that apply anywhere in a region over some days, where each comes from,
/// and the blackout files refused.
public struct BlackoutList: Codable, Sendable, Hashable {
    /// The region listed, and its name.
    public var region: String
    public var regionName: String
    /// The IANA zone of the region, in whose offset the times are given, and its name.
    public var timeZone: String
    public var zone: String
    /// The first day listed, and the last (nil: no end, every later blackout).
    public var from: String
    public var through: String?
    public var blackouts: [BlackoutInfo]
    /// The tasks on blackouts, when asked for (`affected`); nil otherwise.
    public var affected: [TaskOnBlackoutInfo]?
    /// The blackout files refused at the latest start or reload.
    public var refused: [BlackoutFileRefusalInfo]

    public init(
        region: String, regionName: String, timeZone: String, zone: String, from: String, through: String?,
        blackouts: [BlackoutInfo], affected: [TaskOnBlackoutInfo]?, refused: [BlackoutFileRefusalInfo]
    ) {
        self.region = region
        self.regionName = regionName
        self.timeZone = timeZone
        self.zone = zone
        self.from = from
        self.through = through
        self.blackouts = blackouts
        self.affected = affected
        self.refused = refused
    }

    enum CodingKeys: String, CodingKey {
        case region, zone, from, through, blackouts, affected, refused
        case regionName = "region_name"
        case timeZone = "time_zone"
    }
}

/// One blackout, or one shipped holiday taken back (`removal`).
public struct BlackoutInfo: Codable, Sendable, Hashable {
    public var name: String
    /// Whole days: the first day, `2027-03-10`. Otherwise the first moment, ISO 8601 with
    /// the region's offset, `2027-03-10T06:00:00+08:00`.
    public var from: String
    /// Whole days: the last day, included. Otherwise the first moment after it.
    public var until: String
    public var wholeDays: Bool
    /// `nation`, `province`, `regency`, `district` or `village`.
    public var scope: String
    /// The region's code and name; nil for the nation.
    public var region: String?
    public var regionName: String?
    /// Where kaderd has it from: `holidays.csv`, `FILE:LINE` or `plugin NAME`.
    public var source: String
    /// `shipped`, `file` or `plugin`.
    public var sourceKind: String
    /// What the blackout file cites for it (its `reference` key), e.g. `Perbup Badung 12/2026`.
    public var reference: String?
    /// True for a shipped holiday a blackout file takes back: no blackout there that day.
    public var removal: Bool

    public init(
        name: String, from: String, until: String, wholeDays: Bool, scope: String, region: String?, regionName: String?,
        source: String, sourceKind: String, reference: String?, removal: Bool
    ) {
        self.name = name
        self.from = from
        self.until = until
        self.wholeDays = wholeDays
        self.scope = scope
        self.region = region
        self.regionName = regionName
        self.source = source
        self.sourceKind = sourceKind
        self.reference = reference
        self.removal = removal
    }

    enum CodingKeys: String, CodingKey {
        case name, from, until, scope, region, source, reference, removal
        case wholeDays = "whole_days"
        case regionName = "region_name"
        case sourceKind = "source_kind"
    }
}

/// A scheduled or due task whose window opens on a blackout, to be moved by hand.
public struct TaskOnBlackoutInfo: Codable, Sendable, Hashable {
    public var task: TaskInfo
    /// The blackout's name, and where it comes from.
    public var blackout: String
    public var source: String

    public init(task: TaskInfo, blackout: String, source: String) {
        self.task = task
        self.blackout = blackout
        self.source = source
    }
}

/// One problem of a refused blackout file.
public struct BlackoutFileRefusalInfo: Codable, Sendable, Hashable {
    public var file: String
    public var line: Int?
    public var message: String
    /// Whether the file's previous content, from when it last loaded, is still in use.
    public var keptPrevious: Bool

    public init(file: String, line: Int?, message: String, keptPrevious: Bool) {
        self.file = file
        self.line = line
        self.message = message
        self.keptPrevious = keptPrevious
    }

    /// `FILE:LINE: message`.
    public var text: String {
        "\(file):" + (line.map { "\($0):" } ?? "") + " \(message)"
    }

    enum CodingKeys: String, CodingKey {
        case file, line, message
        case keptPrevious = "kept_previous"
    }
}
