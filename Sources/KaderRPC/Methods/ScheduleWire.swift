/// The params of `schedule.preview`: a recurrence rule tried out from a start, in a zone
/// or a region, before it goes into a program.
public struct SchedulePreviewParams: Codable, Sendable, Hashable {
    /// RFC 5545 RRULE text, e.g. `FREQ=MONTHLY;BYDAY=1TU;COUNT=6`.
    public var rule: String
    /// Local date-time of the first occurrence, `2026-01-05T09:00:00`.
    public var start: String
    /// An IANA time zone (`Asia/Jayapura`); exactly one of `zone` and `province`.
    public var zone: String?
    /// A province code (`94`): its zone, and its blackouts applied.
    public var province: String?
    /// A regency, district or village code instead: its province's zone, and the blackouts
    /// that apply there (its own, and those of every region around it).
    public var regency: String?
    public var district: String?
    public var village: String?
    /// How many occurrences at most (default 10, at most 500).
    public var count: Int?

    public init(
        rule: String, start: String, zone: String? = nil, province: String? = nil, regency: String? = nil,
        district: String? = nil, village: String? = nil, count: Int? = nil
    ) {
        self.rule = rule
        self.start = start
        self.zone = zone
        self.province = province
        self.regency = regency
        self.district = district
        self.village = village
        self.count = count
    }
}

/// The occurrences of a rule, with the ones moved off a blackout told apart.
public struct SchedulePreview: Codable, Sendable, Hashable {
    /// The rule in canonical form: parts in a fixed order, defaults left out.
    public var rule: String
    /// Each occurrence as ISO 8601 with the zone's offset, after blackouts are applied.
    public var occurrences: [String]
    /// The occurrences that were moved off a blackout; always empty with a zone.
    public var shifted: [ShiftedOccurrence]
    /// The IANA time zone the times are in.
    public var timeZone: String
    /// Its name on screen: WIB, WITA or WIT for Indonesia's zones.
    public var zone: String
    /// The province code, when the preview was for a province.
    public var province: String?
    /// The province's name.
    public var provinceName: String?
    /// The regency, district or village the preview was for, when below a province, and its name.
    public var region: String?
    public var regionName: String?
    /// The last day whose blackouts kaderd knows in the province (its holiday data's and
    /// its plugins' last year), `2032-12-31`; nil with a zone.
    public var blackoutsKnownUntil: String?
    /// The occurrences (by index) on days whose blackouts kaderd does not know: a holiday
    /// there was not avoided. Always empty with a zone.
    public var beyondKnownBlackouts: [Int]

    public init(
        rule: String, occurrences: [String], shifted: [ShiftedOccurrence], timeZone: String, zone: String,
        province: String?, provinceName: String?, region: String? = nil, regionName: String? = nil,
        blackoutsKnownUntil: String? = nil, beyondKnownBlackouts: [Int] = []
    ) {
        self.rule = rule
        self.occurrences = occurrences
        self.shifted = shifted
        self.timeZone = timeZone
        self.zone = zone
        self.province = province
        self.provinceName = provinceName
        self.region = region
        self.regionName = regionName
        self.blackoutsKnownUntil = blackoutsKnownUntil
        self.beyondKnownBlackouts = beyondKnownBlackouts
    }

    enum CodingKeys: String, CodingKey {
        case rule, occurrences, shifted, zone, province, region
        case timeZone = "time_zone"
        case provinceName = "province_name"
        case regionName = "region_name"
        case blackoutsKnownUntil = "blackouts_known_until"
        case beyondKnownBlackouts = "beyond_known_blackouts"
    }
}

/// One occurrence moved off a blackout (by the `next_day` policy).
public struct ShiftedOccurrence: Codable, Sendable, Hashable {
    /// Its position in `occurrences`, counting from 0.
    public var index: Int
    /// Where the rule put it, ISO 8601 with offset.
    public var from: String
    /// Where it moved: the same as `occurrences[index]`.
    public var to: String
    /// The name of the blackout it was moved off, e.g. "Hari Suci Nyepi".
    public var blackout: String

    public init(index: Int, from: String, to: String, blackout: String) {
        self.index = index
        self.from = from
        self.to = to
        self.blackout = blackout
    }
}
