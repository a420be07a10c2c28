/// A province as the API shows it.
public struct ProvinceInfo: Codable, Sendable, Hashable {
    public var code: String
    public var name: String
    /// WIB, WITA or WIT.
    public var zone: String
    /// The IANA time zone, e.g. Asia/Makassar.
    public var timeZone: String

    public init(code: String, name: String, zone: String, timeZone: String) {
        self.code = code
        self.name = name
        self.zone = zone
        self.timeZone = timeZone
    }

    enum CodingKeys: String, CodingKey {
        case code, name, zone
        case timeZone = "time_zone"
    }
}

public struct ProvinceList: Codable, Sendable, Hashable {
    public var provinces: [ProvinceInfo]
    public init(provinces: [ProvinceInfo]) { self.provinces = provinces }
}

/// A region of any level, with the names of the regions it lies in.
public struct RegionInfo: Codable, Sendable, Hashable {
    public var code: String
    public var name: String
    /// province, regency, district or village.
    public var level: String
    /// The names from the province down to this region's parent.
    public var within: [String]

    public init(code: String, name: String, level: String, within: [String]) {
        self.code = code
        self.name = name
        self.level = level
        self.within = within
    }
}

public struct RegionSearchParams: Codable, Sendable, Hashable {
    public var query: String
    public var level: String?
    public var within: String?
    public var limit: Int?
    public var cursor: String?

    public init(query: String, level: String? = nil, within: String? = nil, limit: Int? = nil, cursor: String? = nil) {
        self.query = query
        self.level = level
        self.within = within
        self.limit = limit
        self.cursor = cursor
    }
}

public struct RegionList: Codable, Sendable, Hashable {
    public var regions: [RegionInfo]
    /// Where the next page starts; null on the last page.
    public var nextCursor: String?

    public init(regions: [RegionInfo], nextCursor: String? = nil) {
        self.regions = regions
        self.nextCursor = nextCursor
    }

    enum CodingKeys: String, CodingKey {
        case regions
        case nextCursor = "next_cursor"
    }

    /// `next_cursor` is always written, null on the last page, as the schema says.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(regions, forKey: .regions)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}
