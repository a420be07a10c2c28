import Foundation
import KaderRPC
import KaderTesting
import Testing

/// A calendar file as Python's `icalendar` reads it: the file's name and zones, and for
/// each event its identity, revision, status, texts and its times as instants with the
/// zone the file gave them.
struct ParsedCalendar {
    struct Event {
        var uid: String
        var start: Date
        var end: Date
        /// The `TZID=` of DTSTART, nil for a time in UTC.
        var zone: String?
        /// DTSTART's offset from UTC as the parser resolved it, in seconds.
        var offset: Int
        var sequence: Int
        var status: String
        var summary: String
        var location: String
        var description: String
    }

    var name: String
    var method: String
    var zones: [String]
    var events: [Event]

    static let script = """
        import json, sys, icalendar
        calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        events = []
        for event in calendar.walk('VEVENT'):
            start = event.decoded('DTSTART')
            events.append({
                'uid': str(event['UID']), 'start': start.isoformat(), 'end': event.decoded('DTEND').isoformat(),
                'zone': event['DTSTART'].params.get('TZID'), 'offset': int(start.utcoffset().total_seconds()),
                'sequence': int(event.get('SEQUENCE', 0)), 'status': str(event.get('STATUS', '')),
                'summary': str(event['SUMMARY']), 'location': str(event['LOCATION']),
                'description': str(event['DESCRIPTION']),
            })
        print(json.dumps({
            'name': str(calendar.get('X-WR-CALNAME')), 'method': str(calendar.get('METHOD')),
            'zones': [str(zone['TZID']) for zone in calendar.walk('VTIMEZONE')], 'events': events,
        }))
        """

    /// Parses the file at `path`; a file the parser refuses fails the test.
    init(file path: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let parsed = try await run(CalendarTools.python, ["-c", Self.script, path])
        #expect(parsed.status == 0, "icalendar refused \(path): \(parsed.stderr)", sourceLocation: sourceLocation)
        let json = try JSONParser.parse(parsed.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        name = json["name"]?.stringValue ?? ""
        method = json["method"]?.stringValue ?? ""
        zones = json["zones"]?.arrayValue?.compactMap(\.stringValue) ?? []
        events = try (json["events"]?.arrayValue ?? []).map { event in
            Event(
                uid: try #require(event["uid"]?.stringValue), start: try Self.instant(event["start"]),
                end: try Self.instant(event["end"]), zone: event["zone"]?.stringValue,
                offset: try #require(event["offset"]?.intValue), sequence: try #require(event["sequence"]?.intValue),
                status: event["status"]?.stringValue ?? "", summary: event["summary"]?.stringValue ?? "",
                location: event["location"]?.stringValue ?? "", description: event["description"]?.stringValue ?? "")
        }
    }

    subscript(uid: String) -> Event? { events.first { $0.uid == uid } }

    static func instant(_ value: JSONValue?) throws -> Date {
        try Date(try #require(value?.stringValue), strategy: .iso8601)
    }
}
