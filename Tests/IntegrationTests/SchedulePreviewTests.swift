import Foundation
import KaderClient
import KaderCore
import KaderRPC
import KaderTesting
import Testing

/// `schedule.preview` and blackouts in plans, over the real daemon's socket.
@Suite struct SchedulePreviewTests {
    /// The next Nyepi the shipped holidays know after today, or the last one they know.
    static func nextShippedNyepi() -> LocalDate {
        let today = TestCalendar.today(in: "51")
        func isNyepi(_ day: LocalDate) -> Bool { TestCalendar.nationalHoliday(day, in: "51")?.hasPrefix("Hari Suci Nyepi") == true }
        if let ahead = (1...(7 * 366)).lazy.map({ today.adding(days: $0) }).first(where: isNyepi) { return ahead }
        return (0...(20 * 366)).lazy.map { today.adding(days: -$0) }.first(where: isNyepi)!
    }

    static func firstDayWithoutHoliday(from day: LocalDate) -> LocalDate {
        var day = day
        while TestCalendar.nationalHoliday(day, in: "51") != nil { day = day.adding(days: 1) }
        return day
    }

    /// The first Mondays of two months in a row, from next month on, that are no holiday.
    static func firstMondaysWithoutHoliday(in region: String) -> (LocalDate, LocalDate) {
        func firstMonday(_ month: LocalDate) -> LocalDate {
            var day = month
            while day.weekday != .monday { day = day.adding(days: 1) }
            return day
        }
        let today = TestCalendar.today(in: region)
        var month = today.adding(days: 1 - today.day).adding(months: 1)
        while true {
            let pair = (firstMonday(month), firstMonday(month.adding(months: 1)))
            if TestCalendar.nationalHoliday(pair.0, in: region) == nil, TestCalendar.nationalHoliday(pair.1, in: region) == nil {
                return pair
            }
            month = month.adding(months: 1)
        }
    }


    /// Calls `schedule.preview` and returns the error it must fail with.
    private func failure(_ connection: RPCConnection, _ params: JSONValue) throws -> RPCError {
        do {
            let result = try connection.call("schedule.preview", params: params)
            Issue.record("schedule.preview should have failed but returned \(result)")
            return RPCError(.internalError, "no error")
        } catch ClientError.remote(let error) {
            return error
        }
    }

    @Test func previewsARuleInAZoneWithoutBlackouts() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        let monday = TestCalendar.next(.monday, atLeast: 2, in: "91")
        let nextYear = TestCalendar.today(in: "31").year + 1
        try await onThread {
            let connection = try daemon.connect()
            let weekly = try connection.call(
                "schedule.preview",
                params: ["rule": "FREQ=WEEKLY;COUNT=3", "start": .string("\(monday)T09:00:00"), "zone": "Asia/Jayapura"],
                as: SchedulePreview.self)
            #expect(weekly.occurrences == [0, 7, 14].map { "\(monday.adding(days: $0))T09:00:00+09:00" })
            #expect(weekly.shifted.isEmpty)
            #expect(weekly.zone == "WIT")
            #expect(weekly.timeZone == "Asia/Jayapura")
            #expect(weekly.province == nil)

            // In a zone no holiday moves anything: 17 August stays.
            let independence = try connection.call(
                "schedule.preview",
                params: ["rule": "FREQ=YEARLY", "start": .string("\(nextYear)-08-17T09:00"), "zone": "Asia/Jakarta", "count": 2],
                as: SchedulePreview.self)
            #expect(independence.occurrences == ["\(nextYear)-08-17T09:00:00+07:00", "\(nextYear + 1)-08-17T09:00:00+07:00"])

            let endless = try connection.call(
                "schedule.preview", params: ["rule": "FREQ=DAILY", "start": .string("\(monday)T09:00:00"), "zone": "Asia/Makassar"],
                as: SchedulePreview.self)
            #expect(endless.occurrences.count == 10, "ten by default")
            let most = try connection.call(
                "schedule.preview",
                params: ["rule": "FREQ=DAILY", "start": .string("\(monday)T09:00:00"), "zone": "Asia/Makassar", "count": 500],
                as: SchedulePreview.self)
            #expect(most.occurrences.count == 500)
            #expect(most.occurrences.last == "\(monday.adding(days: 499))T09:00:00+08:00")

            let discover = try connection.call("rpc.discover")
            let method = discover["methods"]?.arrayValue?.first { $0["name"] == "schedule.preview" }
            #expect(method?["params"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == [
                "rule", "start", "zone", "province", "regency", "district", "village", "count",
            ])
            #expect(method?["x-access"] == "read")
        }
    }

    @Test func appliesAProvincesBlackoutsAndMarksEveryMovedOccurrence() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        try await onThread {
            let connection = try daemon.connect()
            // Weekly in Bali on Nyepi's weekday, from the week before the next Nyepi the shipped
            // holidays know (the last one, once they know none ahead): Nyepi's occurrence
            // moves to the next day that is no holiday (in 2026: past Idul Fitri and its cuti
            // bersama, from 19 to 25 March), and only it.
            let nyepi = Self.nextShippedNyepi()
            let planned = [nyepi.adding(days: -7), nyepi, nyepi.adding(days: 7)]
            let moved = planned.map(Self.firstDayWithoutHoliday(from:))
            let preview = try connection.call(
                "schedule.preview",
                params: [
                    "rule": .string("FREQ=WEEKLY;BYDAY=\(RecurrenceWeekday(nyepi.weekday));COUNT=3"),
                    "start": .string("\(planned[0])T09:00:00"), "province": "51",
                ],
                as: SchedulePreview.self)
            #expect(preview.occurrences == moved.map { "\($0)T09:00:00+08:00" })
            #expect(preview.shifted == planned.indices.filter { moved[$0] != planned[$0] }.map { index in
                ShiftedOccurrence(
                    index: index, from: "\(planned[index])T09:00:00+08:00", to: "\(moved[index])T09:00:00+08:00",
                    blackout: TestCalendar.nationalHoliday(planned[index], in: "51") ?? "")
            })
            #expect(preview.shifted.contains { $0.index == 1 && $0.blackout.hasPrefix("Hari Suci Nyepi") })
            #expect(preview.zone == "WITA")
            #expect(preview.province == "51")
            #expect(preview.provinceName == "Bali")

            // The issue's example, in Papua Tengah: two first Mondays that are no holiday stay.
            let mondays = Self.firstMondaysWithoutHoliday(in: "94")
            let papua = try connection.call(
                "schedule.preview",
                params: ["rule": "FREQ=MONTHLY;BYDAY=1MO;COUNT=2", "start": .string("\(mondays.0)T09:00:00"), "province": "94"],
                as: SchedulePreview.self)
            #expect(papua.occurrences == ["\(mondays.0)T09:00:00+09:00", "\(mondays.1)T09:00:00+09:00"])
            #expect(papua.shifted.isEmpty)
            #expect(papua.zone == "WIT")
        }
    }

    @Test func refusesEachBadParamByName() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        try await onThread {
            let connection = try daemon.connect()
            func fields(_ params: JSONValue) throws -> [RPCFieldError] {
                let error = try failure(connection, params)
                #expect(error.kind == .invalidParams, "\(params)")
                return error.fields
            }
            let day = TestCalendar.next(.monday, atLeast: 2, in: "31")
            let start = JSONValue.string("\(day)T09:00:00")

            #expect(try fields(["rule": "FREQ=HOURLY", "start": start, "zone": "Asia/Jakarta"]) == [
                RPCFieldError(
                    field: "rule",
                    message: "RRULE part FREQ=HOURLY is not supported: tasks recur by the day, so use DAILY, WEEKLY, MONTHLY or YEARLY")
            ])
            #expect(try fields(["rule": "FREQ=WEEKLY;BYHOUR=9", "start": start, "zone": "Asia/Jakarta"]).map(\.message) == [
                "RRULE part BYHOUR is not supported: a task recurs by the day, at the start's time of day"
            ])
            #expect(try fields(["rule": "every monday", "start": start, "zone": "Asia/Jakarta"]).map(\.field) == ["rule"])
            #expect(try fields(["rule": "FREQ=DAILY", "start": .string("\(day)"), "zone": "Asia/Jakarta"]) == [
                RPCFieldError(
                    field: "start",
                    message: "\"\(day)\" is not a valid local date-time: expected YYYY-MM-DDTHH:MM:SS, like 2026-01-05T09:00:00")
            ])
            #expect(
                try fields(["rule": "FREQ=DAILY", "start": .string("\(day)T09:00:00+07:00"), "zone": "Asia/Jakarta"]).map(\.field)
                    == ["start"])
            #expect(try fields(["rule": "FREQ=DAILY", "start": start, "zone": "Asia/Bandung"]) == [
                RPCFieldError(
                    field: "zone",
                    message: "'Asia/Bandung' is not a time zone this system knows (WIB, WITA, WIT, or one such as Asia/Jakarta, Asia/Makassar, Asia/Jayapura)")
            ])
            #expect(try fields(["rule": "FREQ=DAILY", "start": start, "province": "99"]) == [
                RPCFieldError(field: "province", message: "no province has the code 99 (region.provinces lists them)")
            ])
            #expect(try fields(["rule": "FREQ=DAILY", "start": start, "province": "51.03"]) == [
                RPCFieldError(field: "province", message: "51.03 is a regency code; expected a province code")
            ])
            #expect(try fields(["rule": "FREQ=DAILY", "start": start, "province": "51", "zone": "Asia/Makassar"]) == [
                RPCFieldError(field: "province", message: "give either zone or province, not both")
            ])
            #expect(try fields(["rule": "FREQ=DAILY", "start": start]) == [
                RPCFieldError(field: "zone", message: "give a time zone (e.g. Asia/Jayapura) or a province (e.g. 94)")
            ])
            for count in [0, 501] {
                #expect(try fields(["rule": "FREQ=DAILY", "start": start, "zone": "Asia/Jakarta", "count": .number(JSONNumber(count))]) == [
                    RPCFieldError(field: "count", message: "must be between 1 and 500")
                ])
            }
            #expect(try fields(["start": start, "zone": "Asia/Jakarta"]) == [RPCFieldError(field: "rule", message: "is required")])
            // Every problem at once, so the caller fixes them in one go.
            #expect(try fields(["rule": "FREQ=SECONDLY", "start": "soon", "province": "00", "count": 0]).map(\.field) == [
                "rule", "start", "province", "count",
            ])
        }
    }

    /// A daemon that loads the Bali plugin, for Galungan.
    private func daemonWithTheBaliPlugin(in directory: TemporaryDirectory) async throws -> KaderdProcess {
        let folder = try PluginFolder(in: directory)
        try folder.addBali()
        return try await KaderdProcess(directory: directory, arguments: ["--config", folder.config])
    }

    @Test func aWorkflowStartedOnAHolidayOpensTheNextDayAndItsHistorySaysWhy() async throws {
        // The next national holiday, such as 17 August (Hari Kemerdekaan): identification opens
        // on the day after instead. The deliberation follows 7 days after its 14, on a day
        // that must be no blackout. Once the holiday data has run out, a Galungan in Bali.
        let holiday = TestCalendar.blackoutInBali(atLeast: 2, free: [1 + 14 + 7])
        let directory = TemporaryDirectory()
        let daemon = try await holiday.needsBaliPlugin
            ? daemonWithTheBaliPlugin(in: directory) : KaderdProcess(directory: directory)
        let opens = holiday.date.adding(days: 1)
        try await onThread {
            let connection = try daemon.connect()
            let cadre = try connection.call(
                "cadre.register",
                params: ["name": "Ni Made Sari", "sex": "P", "birth_year": 1995, "field": "kesehatan", "village": "51.03.02.2001"],
                as: CadreBatch.self
            ).cadres[0].id
            let run = try connection.call(
                "workflow.start", params: ["cadre": .string(cadre), "start_date": .string("\(holiday.date)")],
                as: WorkflowDetail.self)
            let identification = run.tasks[0]
            #expect(identification.step == "identification")
            #expect(identification.windowStart == "\(opens)T09:00:00+08:00")
            #expect(identification.windowEnd == "\(opens.adding(days: 14))T09:00:00+08:00", "the window keeps its 14 days")
            let detail = try connection.call("task.get", params: ["id": .string(identification.id)], as: TaskDetail.self)
            let planned = try #require(detail.history.first { $0.action == "planned" })
            #expect(planned.detail["shifted_from"] == "\(holiday.date)T09:00:00+08:00")
            #expect(planned.detail["blackout"] == holiday.name)
            let deliberation = try connection.call("task.get", params: ["id": .string(run.tasks[1].id)], as: TaskDetail.self)
            #expect(deliberation.task.windowStart == "\(opens.adding(days: 14 + 7))T09:00:00+08:00")
            #expect(deliberation.history.first { $0.action == "planned" }?.detail["blackout"] == nil, "only moved tasks say so")

            let program = try connection.call("program.get", params: ["id": "kpmd"], as: ProgramInfo.self)
            #expect(program.steps.allSatisfy { $0.blackout == "next_day" }, "the default policy, shown per step")
        }
    }
}
