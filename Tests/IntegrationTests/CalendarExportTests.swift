import Foundation
import KaderCore
import KaderRPC
import KaderTesting
import Testing

/// `kaderctl calendar export`: the tasks as an iCalendar file that phones import, read back
/// by Python's icalendar and by khal, at the villages' own times in all three zones, and
/// updated in place by a newer export after a task is moved or cancelled.
@Suite struct CalendarExportTests {
    static let zones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]

    /// A desa with a KPMD workflow, as `workflow start` answered.
    struct Village {
        let code: String
        let name: String
        /// The province's IANA zone: every task there is in it.
        let zone: String
        let cadre: String
        let workflow: String
        let tasks: [JSONValue]

        var timeZone: TimeZone { TimeZone(identifier: zone)! }

        func task(_ step: String) throws -> JSONValue {
            try #require(tasks.first { $0["step"] == .string(step) })
        }
    }

    /// A daemon with a workflow starting the first of next month in a desa of each zone:
    /// West Java (WIB), Bali (WITA) and Papua (WIT).
    struct Agenda {
        let ctl: KaderctlSession
        let villages: [Village]

        init() async throws {
            ctl = try await KaderctlSession()
            var villages: [Village] = []
            for (prefix, zone, cadre) in [
                ("32.04", "Asia/Jakarta", "Siti Nurjanah"), ("51.03", "Asia/Makassar", "Ni Luh Ayu Ñoman"),
                ("91.03", "Asia/Jayapura", "Maria Ohee"),
            ] {
                let desa = try await ctl.desa(under: prefix)
                let id = try await ctl.register(cadre, sex: "P", born: 1993, field: "kesehatan", village: desa.code)
                let started = try await ctl.json([
                    "workflow", "start", "--cadre", id, "--start-date", TestDays.string(TestDays.firstOfNextMonth),
                ])
                villages.append(
                    Village(
                        code: desa.code, name: desa.name, zone: zone, cadre: cadre,
                        workflow: try #require(started["workflow"]?["id"]?.stringValue),
                        tasks: started["tasks"]?.arrayValue ?? []))
            }
            self.villages = villages
        }

        /// `kaderctl calendar export ARGUMENTS`, its output kept in a file as `> FILE` would.
        func export(_ arguments: [String], to name: String, sourceLocation: SourceLocation = #_sourceLocation)
            async throws -> (text: String, file: String)
        {
            let result = try await ctl.run(["calendar", "export"] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
            return (result.stdout, try ctl.file(name, result.stdout))
        }

        /// The village's tasks as `task list` shows them now.
        func tasks(of village: Village) async throws -> [JSONValue] {
            try await ctl.json(["task", "list", "--village", village.code, "--all"])["tasks"]?.arrayValue ?? []
        }
    }

    static func instant(_ value: JSONValue?) throws -> Date {
        try Date(try #require(value?.stringValue), strategy: .iso8601)
    }

    static func id(_ task: JSONValue) throws -> String {
        try #require(task["id"]?.stringValue)
    }

    /// `2026-12-01 09:00`: an instant on the wall clock of `zone`, as khal prints it.
    static func shown(_ date: Date, in zone: String) -> String {
        let local = LocalDateTime(date, in: TimeZone(identifier: zone)!).description
        return String(local.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    /// The logical lines of the file but its DTSTAMPs: what stays when nothing changed.
    static func withoutStamps(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.hasPrefix("DTSTAMP:") }
    }

    @Test func eachVillagesEventsOpenWhenItsTasksDoInItsOwnZone() async throws {
        try CalendarTools.require()
        let agenda = try await Agenda()
        var uids: [String] = []
        for village in agenda.villages {
            let export = try await agenda.export(["--village", village.code], to: "\(village.code).ics")
            let bytes = Array(export.text.utf8)
            #expect(bytes.starts(with: Array("BEGIN:VCALENDAR\r\n".utf8)))
            #expect(bytes.indices.allSatisfy { bytes[$0] != 10 || ($0 > 0 && bytes[$0 - 1] == 13) }, "every line ends in CRLF")
            #expect(export.text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })

            let calendar = try await ParsedCalendar(file: export.file)
            #expect(calendar.method == "PUBLISH")
            #expect(calendar.name == "kaderd – \(village.name) (\(village.code))")
            #expect(calendar.zones == [village.zone], "one VTIMEZONE, the village's")
            let tasks = try await agenda.tasks(of: village)
            #expect(tasks.count == village.tasks.count && calendar.events.count == tasks.count)
            for task in tasks {
                let id = try Self.id(task)
                let event = try #require(calendar["\(id)@kaderd"], "no event for \(id)")
                #expect(event.start == (try Self.instant(task["window_start"])), "\(id)")
                #expect(event.end == (try Self.instant(task["window_end"])), "\(id)")
                #expect(event.zone == village.zone)
                #expect(event.offset == village.timeZone.secondsFromGMT(for: event.start))
                #expect(event.sequence == 0 && event.status == "CONFIRMED")
                let title = try #require(task["title"]?.stringValue)
                #expect(event.summary.hasPrefix(title) && event.summary.hasSuffix(" – \(village.name)"), "\(event.summary)")
                #expect(event.location.hasPrefix("\(village.name), ") && event.location.hasSuffix(" (\(village.code))"))
                for fact in ["Workflow: \(village.workflow)", "Cadres: \(village.cadre) (", "State: scheduled", "Task: \(id)"] {
                    #expect(event.description.contains(fact), "\(fact) in \(event.description)")
                }
            }
            uids += calendar.events.map(\.uid)

            // Exported again, the file names the same events and differs only in when it was made.
            let again = try await agenda.export(["--village", village.code], to: "\(village.code)-again.ics")
            #expect(Self.withoutStamps(again.text) == Self.withoutStamps(export.text))
            #expect(try await ParsedCalendar(file: again.file).events.map(\.uid) == calendar.events.map(\.uid))
        }
        #expect(Set(uids).count == uids.count, "every UID is unique")
        #expect(uids.count == agenda.villages.map(\.tasks.count).reduce(0, +))
    }

    @Test func aWorkflowOrADayRangeGivesThoseTasksTheSameEvents() async throws {
        try CalendarTools.require()
        let agenda = try await Agenda()
        let bali = agenda.villages[1]
        let byVillage = try await ParsedCalendar(
            file: try await agenda.export(["--village", bali.code], to: "village.ics").file)
        let byWorkflow = try await ParsedCalendar(
            file: try await agenda.export(["--workflow", bali.workflow], to: "workflow.ics").file)
        #expect(byWorkflow.name == "kaderd – \(bali.workflow) (kpmd, \(bali.name))")
        #expect(byWorkflow.events.map(\.uid) == (try bali.tasks.map { "\(try Self.id($0))@kaderd" }))
        #expect(byWorkflow.events.map(\.uid) == byVillage.events.map(\.uid))
        #expect(byWorkflow.events.map(\.start) == byVillage.events.map(\.start))

        // --from and --to are the village's days, both included.
        let opening = try Self.instant(try bali.task("identification")["window_start"])
        let day = LocalDate(opening, in: bali.timeZone)
        let sameDay = bali.tasks.filter { task in
            (try? Self.instant(task["window_start"])).map { LocalDate($0, in: bali.timeZone) == day } ?? false
        }
        let oneDay = try await agenda.export(
            ["--village", bali.code, "--from", day.description, "--to", day.description], to: "day.ics")
        let sameDayUIDs = try sameDay.map { "\(try Self.id($0))@kaderd" }
        #expect(try await ParsedCalendar(file: oneDay.file).events.map(\.uid) == sameDayUIDs)
        let before = try await agenda.ctl.run(
            ["calendar", "export", "--village", bali.code, "--to", day.adding(days: -1).description])
        #expect(before.status == 0 && !before.stdout.contains("BEGIN:VEVENT") && !before.stdout.contains("BEGIN:VTIMEZONE"))
        #expect(before.stderr.contains("no task matches"), "\(before.stderr)")

        // --output writes the same bytes; --json carries them with the count.
        let file = agenda.ctl.daemon.directory.file("agenda.ics")
        let written = try await agenda.ctl.run(["calendar", "export", "--workflow", bali.workflow, "--output", file])
        #expect(written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        let shown = try await agenda.export(["--workflow", bali.workflow], to: "shown.ics")
        #expect(Self.withoutStamps(saved) == Self.withoutStamps(shown.text))
        let json = try await agenda.ctl.json(["calendar", "export", "--workflow", bali.workflow])
        #expect(json["events"]?.intValue == bali.tasks.count)
        #expect(Self.withoutStamps(try #require(json["calendar"]?.stringValue)) == Self.withoutStamps(shown.text))
    }

    /// khal shows what a phone would: each event at the village's own hour in the village's
    /// zone, and at the same instant on the clock of the other two.
    @Test func khalShowsEveryEventAtItsTimeInEachZone() async throws {
        try CalendarTools.require()
        let agenda = try await Agenda()
        let khal = try Khal()
        var expected: [String: (start: Date, village: Village)] = [:]
        var files: [String] = []
        for village in agenda.villages {
            files.append(try await agenda.export(["--village", village.code], to: "\(village.code).ics").file)
            for task in village.tasks {
                expected["\(try Self.id(task))@kaderd"] = (try Self.instant(task["window_start"]), village)
            }
        }
        try await khal.importFiles(files)
        let starts = expected.values.map(\.start)
        let first = LocalDate(starts.min()!, in: .gmt).adding(days: -1).description
        let last = LocalDate(starts.max()!, in: .gmt).adding(days: 2).description
        for zone in Self.zones {
            let listed = try await khal.list(zone: zone, from: first, to: last)
            #expect(Set(listed.map(\.uid)) == Set(expected.keys), "khal in \(zone) lists every event once")
            #expect(listed.count == expected.count)
            for event in listed {
                let (start, village) = try #require(expected[event.uid])
                #expect(event.start == Self.shown(start, in: zone), "\(event.uid) in \(zone)")
                if village.zone == zone {
                    // The village's own clock: what kaderd shows beside the time (09:00 WITA).
                    let task = try #require(village.tasks.first { "\((try? Self.id($0)) ?? "")@kaderd" == event.uid })
                    let local = try #require(task["window_start"]?.stringValue)
                    #expect(event.start == local.prefix(16).replacingOccurrences(of: "T", with: " "))
                }
            }
        }
    }

    /// Re-importing a newer file updates the event: one event for the task, at its new time.
    @Test func aRescheduledTaskMovesInKhalInsteadOfDoubling() async throws {
        try CalendarTools.require()
        let agenda = try await Agenda()
        let khal = try Khal()
        let papua = agenda.villages[2]
        let identification = try papua.task("identification")
        let id = try Self.id(identification)
        let uid = "\(id)@kaderd"
        let before = try await agenda.export(["--village", papua.code], to: "before.ics")
        try await khal.importFiles([before.file])
        #expect(try await ParsedCalendar(file: before.file)[uid]?.sequence == 0)

        let opened = LocalDate(try Self.instant(identification["window_start"]), in: papua.timeZone)
        var day = opened.adding(days: 3)
        while TestCalendar.nationalHoliday(day, in: papua.code) != nil { day = day.adding(days: 1) }
        let moved = try await agenda.ctl.run(["task", "reschedule", id, "--to", "\(day)T10:30", "--reason", "banjir"])
        #expect(moved.status == 0, "\(moved.stderr)")
        let newStart = try LocalDateTime(date: day, hour: 10, minute: 30).date(in: papua.timeZone)

        let after = try await agenda.export(["--village", papua.code], to: "after.ics")
        let event = try #require(try await ParsedCalendar(file: after.file)[uid])
        #expect(event.sequence == 1)
        #expect(event.start == newStart && event.zone == papua.zone)
        try await khal.importFiles([after.file])

        let lastOpening = try papua.tasks.map { try Self.instant($0["window_start"]) }.max()!
        let listed = try await khal.list(
            zone: papua.zone, from: opened.adding(days: -1).description,
            to: LocalDate(lastOpening, in: .gmt).adding(days: 2).description)
        #expect(listed.filter { $0.uid == uid }.map(\.start) == ["\(day) 10:30"], "\(listed)")
        #expect(listed.count == papua.tasks.count, "no event twice")
    }

    @Test func aCancelledTaskIsExportedCancelled() async throws {
        try CalendarTools.require()
        let agenda = try await Agenda()
        let java = agenda.villages[0]
        let deliberation = try Self.id(try java.task("deliberation"))
        let cancelled = try await agenda.ctl.run(["task", "cancel", deliberation, "--reason", "musdes ditunda"])
        #expect(cancelled.status == 0, "\(cancelled.stderr)")

        let export = try await agenda.export(["--workflow", java.workflow], to: "cancelled.ics")
        #expect(export.text.components(separatedBy: "STATUS:CANCELLED\r\n").count == 2, "one event cancelled")
        let calendar = try await ParsedCalendar(file: export.file)
        #expect(calendar.events.count == java.tasks.count, "a cancelled task stays in the file")
        for event in calendar.events {
            let isCancelled = event.uid == "\(deliberation)@kaderd"
            #expect(event.status == (isCancelled ? "CANCELLED" : "CONFIRMED"), "\(event.uid)")
            // A phone keeps the copy with the higher revision: a cancellation raises it.
            #expect(event.sequence == (isCancelled ? 1 : 0))
            if isCancelled { #expect(event.description.contains("State: cancelled")) }
        }
    }

    @Test func refusesAnExportWithoutExactlyOneScope() async throws {
        let ctl = try await KaderctlSession()
        let neither = try await ctl.run(["calendar", "export"])
        #expect(neither.status == 64 && neither.stderr.contains("give --village CODE, --workflow ID or --facilitator ID"), "\(neither.stderr)")
        let both = try await ctl.run(["calendar", "export", "--village", "51.03.02.2001", "--workflow", "wf_x"])
        #expect(both.status == 64 && both.stderr.contains("give only one of --village, --workflow"), "\(both.stderr)")
        let backwards = try await ctl.run(
            ["calendar", "export", "--village", "51.03.02.2001", "--from", "2030-02-02", "--to", "2030-02-01"])
        #expect(backwards.status == 64 && backwards.stderr.contains("--to 2030-02-01 is before --from 2030-02-02"))

        func refusal(_ params: String, status: Int32 = 65) async throws -> String {
            let result = try await ctl.run(["call", "calendar.export", params])
            #expect(result.status == status, "\(params): \(result.stderr)")
            return result.stderr
        }
        #expect(try await refusal(#"{"village":"51.03.02.2001","workflow":"wf_x"}"#)
            .contains("workflow: give only one of village, workflow, whose tasks the calendar holds"))
        #expect(try await refusal("{}").contains("village: give a village code"))
        #expect(try await refusal(#"{"village":"51.03"}"#).contains("village: 51.03 is a regency code; expected a village code"))
        #expect(try await refusal(#"{"workflow":"tsk_abc"}"#).contains("workflow: 'tsk_abc' is not a workflow id"))
        let noMonth = "\(TestCalendar.today(in: "51").year + 1)-13-01"
        #expect(try await refusal(#"{"village":"51.03.02.2001","from":"\#(noMonth)"}"#).contains("from: "))
        #expect(try await refusal(#"{"workflow":"wf_nosuchworkflow"}"#, status: 66).contains("No workflow wf_nosuchworkflow"))
        #expect(try await refusal(#"{"village":"51.03.02.2999"}"#, status: 66).contains("No village 51.03.02.2999"))
        #expect(try await refusal(#"{"province":"51"}"#).contains("province"))

        // Only reads: rpc.discover says so, and it is listed with its params.
        let discovered = try await ctl.json(["call", "rpc.discover"])
        let method = discovered["methods"]?.arrayValue?.first { $0["name"] == "calendar.export" }
        #expect(method?["x-access"] == "read")
        #expect(method?["params"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["village", "workflow", "facilitator", "from", "to"])
    }

    @Test func helpShowsAnExampleAndHowToPutTheFileOnAPhone() async throws {
        let kaderctl = try Binaries.path("kaderctl")
        let help = try await run(kaderctl, ["calendar", "export", "--help"])
        #expect(help.status == 0 && help.stdout.hasPrefix("OVERVIEW: "))
        // As read, whatever width the help was wrapped to.
        let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for text in ["Example", "kaderctl calendar export --village", "--workflow", "--output", "on a phone",
                     "Importing a newer export of the same tasks updates their events", "--socket PATH"] {
            #expect(words.contains(text), "\(text)")
        }
        let noun = try await run(kaderctl, ["calendar", "--help"])
        #expect(noun.stdout.contains("Example:\n  kaderctl calendar "))
        #expect(try await run(kaderctl, ["--help"]).stdout.contains("\n  calendar "))
    }
}
