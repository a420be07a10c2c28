import Foundation

/// Writes events as an iCalendar file (RFC 5545) that phones and calendar programs import:
/// a `VCALENDAR` published as a whole (`METHOD:PUBLISH`), a `VTIMEZONE` for each zone its
/// events are written in, and one `VEVENT` each.
///
/// Pure: the moment of writing (`DTSTAMP`) is given, so the same events and moment always
/// give the same bytes. Re-importing a newer file updates the events it had before: their
/// `UID`s stay, and a phone keeps the copy with the higher `SEQUENCE`.
public struct ICalendarWriter: Sendable {
    /// `PRODID`: who wrote the file (`-//kaderd//kaderd 0.1.0//EN`).
    public var productID: String

    public init(productID: String = "-//kaderd//kaderd//EN") {
        self.productID = productID
    }

    /// The file: CRLF line ends, lines folded at 75 octets, TEXT values escaped.
    ///
    /// - Parameters:
    ///   - name: the calendar's name as a phone lists it (`X-WR-CALNAME`, and RFC 7986's `NAME`).
    ///   - stamp: when the file is made, written as every event's `DTSTAMP`.
    public func write(name: String, events: [CalendarEvent], stamp: Date) -> String {
        // Looked up once per zone: reading a zone's rules is the slowest part of an event.
        var timeZones: [String: TimeZone?] = [:]
        var zones: [String: CalendarTimeZone] = [:]
        // Each event's zone, or nil to write it in UTC: decided once, used for both parts. A
        // zone with one offset for some events and another for others (Pontianak was on WITA
        // until 1988) is described with the first; the others are written in UTC.
        let eventZones = events.map { event -> (CalendarTimeZone, TimeZone)? in
            let timeZone = timeZones[event.zoneIdentifier] ?? TimeZone(identifier: event.zoneIdentifier)
            timeZones[event.zoneIdentifier] = timeZone
            guard let timeZone,
                let zone = CalendarTimeZone(
                    identifier: event.zoneIdentifier, timeZone: timeZone, from: event.start, to: event.end),
                zones[zone.identifier, default: zone] == zone
            else { return nil }
            zones[zone.identifier] = zone
            return (zone, timeZone)
        }
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:\(ICalendarText.escaped(productID))",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "NAME:\(ICalendarText.escaped(name))",
            "X-WR-CALNAME:\(ICalendarText.escaped(name))",
        ]
        for zone in zones.values.sorted() { lines += zone.lines }
        let stampText = ICalendarText.utc(stamp)
        for (event, zone) in zip(events, eventZones) {
            lines += Self.lines(of: event, zone: zone, stamp: stampText)
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendarText.folded).joined()
    }

    private static func lines(of event: CalendarEvent, zone: (CalendarTimeZone, TimeZone)?, stamp: String) -> [String] {
        func time(_ property: String, _ date: Date) -> String {
            guard let (zone, timeZone) = zone else { return "\(property):\(ICalendarText.utc(date))" }
            return "\(property);TZID=\(parameter(zone.identifier)):\(ICalendarText.local(date, in: timeZone))"
        }
        return [
            "BEGIN:VEVENT",
            "UID:\(ICalendarText.escaped(event.uid))",
            "DTSTAMP:\(stamp)",
            time("DTSTART", event.start),
            time("DTEND", event.end),
            "SEQUENCE:\(event.sequence)",
            "STATUS:\(event.status.rawValue)",
            "LAST-MODIFIED:\(ICalendarText.utc(event.lastModified))",
            "SUMMARY:\(ICalendarText.escaped(event.summary))",
            "LOCATION:\(ICalendarText.escaped(event.location))",
            "DESCRIPTION:\(ICalendarText.escaped(event.description))",
            // A task takes the people's time: phones show it as busy.
            "TRANSP:OPAQUE",
            "END:VEVENT",
        ]
    }

    /// A parameter value (section 3.2), quoted when it holds a character that would end it.
    private static func parameter(_ value: String) -> String {
        value.contains(where: { ":;,".contains($0) }) ? "\"\(value.filter { $0 != "\"" })\"" : value
    }
}
