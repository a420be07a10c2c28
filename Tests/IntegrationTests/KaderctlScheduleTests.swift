import Foundation
import KaderCore
import KaderRPC
import KaderTesting
import Testing

/// `kaderctl schedule preview`: the real binary against the real daemon.
@Suite struct KaderctlScheduleTests {
    @Test func showsOccurrencesInLocalTimeAndMarksTheMovedOnes() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        let result = try await run(
            try Binaries.path("kaderctl"),
            [
                "--socket", daemon.socket, "schedule", "preview", "--rule", "FREQ=WEEKLY;BYDAY=TH;COUNT=3",
                "--start", "2026-03-12T09:00", "--province", "51",
            ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            FREQ=WEEKLY;BYDAY=TH;COUNT=3 in Bali (51), Asia/Makassar (WITA); an occurrence on a blackout moves to the next allowed day
              1  Thu 2026-03-12 09:00 WITA
              2  Wed 2026-03-25 09:00 WITA  * moved from Thu 2026-03-19 09:00: Hari Suci Nyepi
              3  Thu 2026-03-26 09:00 WITA
            * 1 of 3 moved off a blackout

            """)
        #expect(result.stderr.isEmpty)
    }

    @Test func namesTheZoneOfEveryOccurrence() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        // From the first of next month: its first Tuesday, then the next month's.
        let today = TestCalendar.today(in: "91")
        let start = try LocalDate(year: today.year, month: today.month, day: 1).adding(months: 1)
        func firstTuesday(_ first: LocalDate) -> LocalDate {
            (0..<7).map { first.adding(days: $0) }.first { $0.weekday == .tuesday }!
        }
        let result = try await run(
            try Binaries.path("kaderctl"),
            ["schedule", "preview", "--rule", "FREQ=MONTHLY;BYDAY=1TU", "--start", "\(start)T09:00:00", "--zone", "Asia/Jayapura", "--count", "2"],
            environment: ["KADERD_SOCKET": daemon.socket])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            FREQ=MONTHLY;BYDAY=1TU in Asia/Jayapura (WIT); no blackouts applied (give --province for them)
              1  Tue \(firstTuesday(start)) 09:00 WIT
              2  Tue \(firstTuesday(start.adding(months: 1))) 09:00 WIT

            """)
    }

    @Test func printsTheResultAsJSONForScripts() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        let result = try await run(
            try Binaries.path("kaderctl"),
            ["--socket", daemon.socket, "--json", "schedule", "preview", "--rule", "FREQ=DAILY;COUNT=2", "--start", "2026-08-17T09:00", "--province", "94"])
        #expect(result.status == 0, "\(result.stderr)")
        let preview = try JSONParser.parse(result.stdout).decode(SchedulePreview.self)
        #expect(preview.occurrences == ["2026-08-18T09:00:00+09:00", "2026-08-18T09:00:00+09:00"])
        #expect(preview.shifted == [
            ShiftedOccurrence(
                index: 0, from: "2026-08-17T09:00:00+09:00", to: "2026-08-18T09:00:00+09:00",
                blackout: "Hari Kemerdekaan Republik Indonesia")
        ])
    }

    @Test func refusesAMissingOrDoublePlaceBeforeCallingAndBadParamsAfter() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        let ctl = try Binaries.path("kaderctl")
        let start = "\(TestCalendar.next(.monday, atLeast: 2, in: "31"))T09:00"
        let base = ["--socket", daemon.socket, "schedule", "preview", "--rule", "FREQ=DAILY", "--start", start]
        for place in [[], ["--zone", "Asia/Jakarta", "--province", "31"]] {
            let usage = try await run(ctl, base + place)
            #expect(usage.status == 64)
            #expect(usage.stderr.contains("give exactly one of --zone and --province"))
        }
        let bad = try await run(ctl, ["--socket", daemon.socket, "schedule", "preview", "--rule", "FREQ=HOURLY", "--start", start, "--zone", "Asia/Jakarta"])
        #expect(bad.status == 65)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr == """
            kaderctl: Invalid params: the schedule cannot be previewed
            kaderctl: rule: RRULE part FREQ=HOURLY is not supported: tasks recur by the day, so use DAILY, WEEKLY, MONTHLY or YEARLY

            """)
        let help = try await run(ctl, ["schedule", "preview", "--help"])
        #expect(help.status == 0)
        for word in ["--rule", "--start", "--zone", "--province", "--count", "--socket"] { #expect(help.stdout.contains(word)) }
    }
}
