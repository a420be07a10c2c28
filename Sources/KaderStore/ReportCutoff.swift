import Foundation
import KaderCore

/// The moment a report is taken at, in each village's own zone: the end of an `as_of` day
/// comes an hour earlier in a WITA village than in a WIB one, and two hours in WIT.
public struct ReportCutoff: Sendable, Hashable {
    /// Each zone's provinces (by code) and the instant for them.
    public var zones: [Zone]
    /// The instant for a village of a province none of `zones` names.
    public var otherwise: Date
    /// Whether the moment is now everywhere: what counts kept by every write can answer.
    public var isNow: Bool

    public struct Zone: Sendable, Hashable {
        public var provinces: [RegionCode]
        public var instant: Date
        /// The zone's offset from UTC: Indonesia keeps no summer time, so one number says
        /// which local day an instant falls on.
        public var secondsFromUTC: Int

        public init(provinces: [RegionCode], instant: Date, secondsFromUTC: Int) {
            self.provinces = provinces
            self.instant = instant
            self.secondsFromUTC = secondsFromUTC
        }
    }

    public init(zones: [Zone], otherwise: Date, isNow: Bool) {
        self.zones = zones
        self.otherwise = otherwise
        self.isNow = isNow
    }

    /// An SQL expression for the instant of the village in `column`, in seconds since 1970.
    /// The values are the store's own (province codes of digits, numbers), written inline so
    /// that one expression serves both backends' placeholders.
    package func sql(villageColumn column: String) -> String {
        byProvince(column) { Self.literal($0.instant) } otherwise: { Self.literal(otherwise) }
    }

    /// An SQL expression for the local day (days since 1970-01-01) of the instant in
    /// `instantColumn` (seconds since 1970), in the zone of the village in `villageColumn`;
    /// villages of provinces not named are taken to be in UTC+7.
    package func sql(localDayOf instantColumn: String, villageColumn: String) -> String {
        let offset = byProvince(villageColumn) { String($0.secondsFromUTC) } otherwise: { String(7 * 3600) }
        return "((\(instantColumn) + \(offset)) / 86400)"
    }

    private func byProvince(_ column: String, _ value: (Zone) -> String, otherwise: () -> String) -> String {
        guard !zones.isEmpty else { return otherwise() }
        let cases = zones.map { zone in
            let codes = zone.provinces.map { "'\($0.description.filter(\.isNumber))'" }.joined(separator: ", ")
            return "WHEN substr(\(column), 1, 2) IN (\(codes)) THEN \(value(zone))"
        }
        return "(CASE \(cases.joined(separator: " ")) ELSE \(otherwise()) END)"
    }

    private static func literal(_ date: Date) -> String {
        String(format: "%.3f", date.timeIntervalSince1970)
    }
}
