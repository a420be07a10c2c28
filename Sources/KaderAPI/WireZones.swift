import Foundation
import KaderCore
import KaderEngine
import KaderRPC

/// The time zones of the tasks being put on the wire, each looked up once: a page of a
/// hundred tasks has a handful of zones, and finding the zone, its name and the offset of
/// each time through Foundation was a large share of the page.
struct WireZones {
    private var zones: [String: Zone] = [:]

    /// One zone, and the offset it has over the span of time last asked about.
    private struct Zone {
        let timeZone: TimeZone
        let abbreviation: String
        var offset = 0
        /// Where `offset` holds: from an instant to the zone's next transition after it.
        var span: Range<Date> = Date.distantPast..<Date.distantPast

        mutating func offset(at date: Date) -> Int {
            if !span.contains(date) {
                offset = timeZone.secondsFromGMT(for: date)
                // Empty past Foundation's distant future (year 4001): asked again each time.
                let next = timeZone.nextDaylightSavingTimeTransition(after: date) ?? .distantFuture
                span = date..<max(date, next)
            }
            return offset
        }
    }

    /// WIB, WITA or WIT, or what Foundation calls a zone elsewhere; unknown identifiers are UTC.
    mutating func abbreviation(of identifier: String) -> String {
        zone(identifier).abbreviation
    }

    /// `date` in ISO 8601 with the zone's offset at that instant: `2026-12-01T09:00:00+08:00`.
    mutating func string(_ date: Date, in identifier: String) -> String {
        let offset = zones[identifier, default: Self.lookUp(identifier)].offset(at: date)
        return ISO8601Text.string(date, offset: offset) ?? ISO8601.string(date, in: zone(identifier).timeZone)
    }

    private mutating func zone(_ identifier: String) -> Zone {
        if let zone = zones[identifier] { return zone }
        let zone = Self.lookUp(identifier)
        zones[identifier] = zone
        return zone
    }

    private static func lookUp(_ identifier: String) -> Zone {
        let timeZone = TimeZone(identifier: identifier) ?? .gmt
        return Zone(timeZone: timeZone, abbreviation: IndonesianZone.abbreviation(for: timeZone))
    }
}
