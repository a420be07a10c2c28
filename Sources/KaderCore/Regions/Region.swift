/// A province, regency, district or village: its code and its official name.
public struct Region: Sendable, Hashable {
    public let code: RegionCode
    public let name: String

    public init(code: RegionCode, name: String) {
        self.code = code
        self.name = name
    }

    public var level: RegionCode.Level { code.level }
}

extension Region: Codable {
    private enum CodingKeys: String, CodingKey {
        case code, name, level
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(code: try container.decode(RegionCode.self, forKey: .code),
                  name: try container.decode(String.self, forKey: .name))
    }

    /// The level is written too, though it follows from the code, so that a script reading
    /// the JSON need not count dots.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(name, forKey: .name)
        try container.encode(level, forKey: .level)
    }
}
