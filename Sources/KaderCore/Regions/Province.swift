import Foundation

/// One of Indonesia's 38 provinces. Each lies wholly in one time zone, so a task's local
/// time follows from its village's province.
public struct Province: Sendable, Hashable {
    public let code: RegionCode
    public let name: String
    public let zone: IndonesianZone
    public let timeZone: TimeZone

    /// The IANA name of the province's time zone: `Asia/Jakarta`, `Asia/Pontianak`,
    /// `Asia/Makassar` or `Asia/Jayapura`.
    public var ianaIdentifier: String { timeZone.identifier }

    init(code: RegionCode, name: String, zone: IndonesianZone, timeZone: TimeZone) {
        self.code = code
        self.name = name
        self.zone = zone
        self.timeZone = timeZone
    }
}

extension Province: Encodable {
    private enum CodingKeys: String, CodingKey {
        case code, name, zone, iana
    }

    /// The same four fields as the reference data: code, name, zone, iana.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(name, forKey: .name)
        try container.encode(zone, forKey: .zone)
        try container.encode(ianaIdentifier, forKey: .iana)
    }
}
