import Foundation

/// Indonesia's three time zones. Villagers and staff name times by them ("09.00 WITA"), and
/// Foundation on Linux only knows them as "GMT+7", so kaderd names them itself.
public enum IndonesianZone: String, Sendable, Hashable, CaseIterable, Codable {
    /// Waktu Indonesia Barat: Sumatra, Java, West and Central Kalimantan.
    case wib = "WIB"
    /// Waktu Indonesia Tengah: Bali, Nusa Tenggara, the rest of Kalimantan, Sulawesi.
    case wita = "WITA"
    /// Waktu Indonesia Timur: Maluku and Papua.
    case wit = "WIT"

    public var utcOffsetSeconds: Int {
        switch self {
        case .wib: 7 * 3600
        case .wita: 8 * 3600
        case .wit: 9 * 3600
        }
    }

    /// The IANA zones Indonesia uses; `Asia/Ujung_Pandang` is Makassar's old name.
    private static let indonesianIdentifiers: Set<String> = [
        "Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Ujung_Pandang", "Asia/Jayapura",
    ]

    /// The Indonesian zone `timeZone` is in at `date`, or nil when it is not one of
    /// Indonesia's zones. A bare UTC+7 offset is not taken for WIB: Bangkok is UTC+7 too.
    public init?(_ timeZone: TimeZone, at date: Date = .now) {
        guard Self.indonesianIdentifiers.contains(timeZone.identifier) else { return nil }
        let offset = timeZone.secondsFromGMT(for: date)
        guard let zone = Self.allCases.first(where: { $0.utcOffsetSeconds == offset }) else { return nil }
        self = zone
    }

    /// The name to show beside a time in `timeZone`: WIB, WITA or WIT for Indonesia's zones,
    /// otherwise whatever Foundation calls it ("GMT+2", "UTC").
    public static func abbreviation(for timeZone: TimeZone, at date: Date = .now) -> String {
        IndonesianZone(timeZone, at: date)?.rawValue ?? timeZone.abbreviation(for: date) ?? timeZone.identifier
    }
}
