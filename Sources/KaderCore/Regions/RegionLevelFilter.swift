/// Which regions a search keeps, named as people name them: the level in English
/// (`village`) or in Indonesian (`desa`, `kecamatan`), where `desa` and `kelurahan` also name
/// the kind of village.
public struct RegionLevelFilter: Sendable, Hashable {
    public var level: RegionCode.Level
    /// For `desa`, `kelurahan`, `desa_adat`: only villages of that kind.
    public var kind: RegionCode.VillageKind?

    /// Every name read, for messages.
    public static let names = [
        "province", "provinsi", "regency", "kabupaten", "kota", "district", "kecamatan", "distrik", "village", "desa",
        "kelurahan", "desa_adat",
    ]

    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: " ", with: "_") {
        case "province", "provinsi": self.init(level: .province)
        case "regency", "kabupaten", "kota", "kabupaten/kota": self.init(level: .regency)
        case "district", "kecamatan", "distrik": self.init(level: .district)
        case "village": self.init(level: .village)
        case "desa": self.init(level: .village, kind: .desa)
        case "kelurahan": self.init(level: .village, kind: .kelurahan)
        case "desa_adat", "kampung_adat": self.init(level: .village, kind: .desaAdat)
        default: return nil
        }
    }

    public init(level: RegionCode.Level, kind: RegionCode.VillageKind? = nil) {
        self.level = level
        self.kind = kind
    }

    func includes(_ code: RegionCode) -> Bool {
        code.level == level && (kind == nil || code.villageKind == kind)
    }
}
