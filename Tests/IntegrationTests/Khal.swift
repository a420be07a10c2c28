import Foundation
import KaderTesting
import Testing

/// khal, the command-line calendar, with a calendar folder of its own: files are imported
/// into it as a phone imports them, and listed as khal shows them in a zone.
struct Khal {
    let directory: TemporaryDirectory
    /// The calendar folder (a vdir), shared by the configs of every zone.
    var calendar: String { directory.file("calendar") }

    init() throws {
        directory = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: calendar, withIntermediateDirectories: true)
    }

    /// A config whose local time is `zone`: khal shows every event in it. Each zone keeps its
    /// own cache, so no listing reads times another zone cached.
    func config(zone: String) throws -> String {
        let name = zone.replacingOccurrences(of: "/", with: "-")
        let path = directory.file("khal-\(name).conf")
        let text = """
            [calendars]
            [[kaderd]]
            path = \(calendar)
            type = calendar

            [locale]
            local_timezone = \(zone)
            default_timezone = \(zone)
            timeformat = %H:%M
            dateformat = %Y-%m-%d
            longdateformat = %Y-%m-%d
            datetimeformat = %Y-%m-%d %H:%M
            longdatetimeformat = %Y-%m-%d %H:%M

            [sqlite]
            path = \(directory.file("khal-\(name).db"))

            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// `khal import --batch`: every event of the files, an event of the same UID replaced.
    func importFiles(_ files: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let result = try await run(
            CalendarTools.khal, ["--config", try config(zone: "Asia/Jakarta"), "import", "--batch", "-a", "kaderd"] + files)
        #expect(result.status == 0, "khal import \(files): \(result.stderr)", sourceLocation: sourceLocation)
    }

    /// One line an event shows in `khal list`.
    struct Listed: Hashable {
        var uid: String
        /// `2026-12-01 09:00` on khal's local clock.
        var start: String
        var status: String
        var title: String
    }

    /// `khal list --once` from `first` through `last` (days), with `zone` as khal's local time.
    func list(zone: String, from first: String, to last: String, sourceLocation: SourceLocation = #_sourceLocation)
        async throws -> [Listed]
    {
        let result = try await run(
            CalendarTools.khal,
            ["--config", try config(zone: zone), "list", "--once", "--day-format", "",
             "--format", "{uid}|{start}|{status}|{title}", first, last])
        #expect(result.status == 0, "khal list: \(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false).map {
                String($0).trimmingCharacters(in: .whitespaces)
            }
            guard fields.count == 4, !fields[0].isEmpty else { return nil }
            return Listed(uid: fields[0], start: fields[1], status: fields[2], title: fields[3])
        }
    }
}
