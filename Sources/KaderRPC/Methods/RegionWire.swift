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

    public init(query: String, level: String? = nil, within: String? = nil, limit: Int? = nil) {
        self.query = query
        self.level = level
        self.within = within
        self.limit = limit
    }
}

public struct RegionList: Codable, Sendable, Hashable {
    public var regions: [RegionInfo]
    public init(regions: [RegionInfo]) { self.regions = regions }
}
