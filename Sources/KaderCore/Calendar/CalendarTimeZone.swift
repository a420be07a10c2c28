import Foundation

/// The `VTIMEZONE` a calendar file carries for a zone its events are written in: an
/// Indonesian zone, which keeps one offset all year (no daylight saving time), so one
/// `STANDARD` rule from 1970 describes it completely for every task kaderd plans.
///
/// Calendar software resolves `TZID=Asia/Makassar` by the definition in the file when it
/// has one; without it, some phones fall back to UTC or to their own zone.
public struct CalendarTimeZone: Sendable, Hashable, Comparable {
    /// The IANA identifier the events name in `TZID=` (`Asia/Jayapura`).
    public let identifier: String
    public let zone: IndonesianZone

    public init(identifier: String, zone: IndonesianZone) {
        self.identifier = identifier
        self.zone = zone
    }

    /// The zone of an event from `start` to `end` in `timeZone` (named `identifier`), or nil
    /// when that is no Indonesian zone, or changed its offset in between: such an event is
    /// written in UTC instead, which every reader takes.
    public init?(identifier: String, timeZone: TimeZone, from start: Date, to end: Date) {
        guard let zone = IndonesianZone(timeZone, at: start), IndonesianZone(timeZone, at: end) == zone else {
            return nil
        }
        self.init(identifier: identifier, zone: zone)
    }

    /// `+0800`: the offset as `TZOFFSETFROM`/`TZOFFSETTO` write it.
    var offset: String {
        let minutes = zone.utcOffsetSeconds / 60
        let sign = minutes < 0 ? "-" : "+"
        let hours = abs(minutes) / 60
        return sign + LocalDate.pad(hours, 2) + LocalDate.pad(abs(minutes) % 60, 2)
    }

    /// The component's content lines, unfolded and without line ends.
    var lines: [String] {
        [
            "BEGIN:VTIMEZONE",
            "TZID:\(identifier)",
            // libical (Evolution, Thunderbird's older versions) maps the zone by this name.
            "X-LIC-LOCATION:\(identifier)",
            "BEGIN:STANDARD",
            "DTSTART:19700101T000000",
            "TZOFFSETFROM:\(offset)",
            "TZOFFSETTO:\(offset)",
            "TZNAME:\(zone.rawValue)",
            "END:STANDARD",
            "END:VTIMEZONE",
        ]
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.identifier < rhs.identifier }
}
