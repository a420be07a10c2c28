import Foundation
import KaderClient
import KaderRPC
import KaderTesting
import Testing

/// The national holiday data kaderd ships ends some year. A daemon running towards that end
/// says so a year ahead, and a preview beyond it marks what it cannot know.
@Suite struct HolidayDataTests {
    /// The years the shipped data covers, as a daemon on today's clock reports them.
    private func coveredYears() async throws -> HolidayDataStatus {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        let status = try await onThread { try daemon.connect().call("daemon.status", as: DaemonStatus.self) }
        let holidays = try #require(status.holidays)
        // Today's answer follows today's clock: the warning is due from 1 January of the
        // last year in WIT, the first of Indonesia's zones to reach it.
        let warningFrom = try Date("\(holidays.lastYear)-01-01T00:00:00+09:00", strategy: .iso8601)
        #expect((holidays.warning != nil) == (Date() >= warningFrom), "\(holidays)")
        #expect(holidays.firstYear <= holidays.lastYear)
        return holidays
    }

    @Test func aDaemonWithinAYearOfTheDataEndWarnsInStatusAndLog() async throws {
        let years = try await coveredYears()
        let directory = TemporaryDirectory()
        // The daemon's clock moved to 1 March of the data's last year, as scripts/test-at moves it.
        let timers = directory.file("faketime-monotonic-timers.so")
        let built = try await run(
            "/usr/bin/env",
            ["cc", "-shared", "-fPIC", "-O2", "-o", timers, PackageRoot.path + "/scripts/faketime-monotonic-timers.c", "-ldl"])
        #expect(built.status == 0, "\(built.stderr)")
        let daemon = try await KaderdProcess(
            directory: directory, environment: ["FAKETIME_DONT_FAKE_MONOTONIC": "1", "LD_PRELOAD": timers],
            launcher: ["/usr/bin/faketime", "\(years.lastYear)-03-01 08:00:00 UTC"])
        let expected =
            "the national holiday data covers \(years.firstYear)–\(years.lastYear) only: "
            + "tasks after \(years.lastYear)-12-31 are planned without knowing its holidays; update kaderd"

        let status = try await onThread { try daemon.connect().call("daemon.status", as: DaemonStatus.self) }
        #expect(status.holidays == HolidayDataStatus(firstYear: years.firstYear, lastYear: years.lastYear, warning: expected))
        let shown = try await run(try Binaries.path("kaderctl"), ["--socket", daemon.socket, "status"])
        #expect(shown.status == 0)
        #expect(
            shown.stdout.contains("holidays   \(years.firstYear)–\(years.lastYear); WARNING: \(expected)\n"), "\(shown.stdout)")
        #expect(daemon.log.components(separatedBy: expected).count - 1 == 1, "warned at start:\n\(daemon.log)")
        _ = try await onThread { try daemon.connect().call("daemon.reload") }
        #expect(daemon.log.components(separatedBy: expected).count - 1 == 2, "and at the reload:\n\(daemon.log)")

        // faketime runs kaderd as its child: the signal goes to kaderd itself.
        kill(status.pid, SIGTERM)
        #expect(try await daemon.waitForExit() == 0)
    }

    @Test func aPreviewMarksTheOccurrencesBeyondTheData() async throws {
        let years = try await coveredYears()
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        let last = years.lastYear
        // 17 August, Independence Day, every year: a holiday while the data lasts, unknown after.
        let preview = try await onThread {
            try daemon.connect().call(
                "schedule.preview",
                params: ["rule": "FREQ=YEARLY;COUNT=2", "start": .string("\(last)-08-17T09:00:00"), "province": "51"],
                as: SchedulePreview.self)
        }
        #expect(preview.occurrences == ["\(last)-08-18T09:00:00+08:00", "\(last + 1)-08-17T09:00:00+08:00"])
        #expect(preview.shifted.map(\.index) == [0])
        #expect(preview.blackoutsKnownUntil == "\(last)-12-31")
        #expect(preview.beyondKnownBlackouts == [1])
        let inZone = try await onThread {
            try daemon.connect().call(
                "schedule.preview",
                params: ["rule": "FREQ=YEARLY;COUNT=2", "start": .string("\(last)-08-17T09:00:00"), "zone": "Asia/Makassar"],
                as: SchedulePreview.self)
        }
        #expect(inZone.beyondKnownBlackouts.isEmpty && inZone.blackoutsKnownUntil == nil, "a zone has no blackouts to know")

        let shown = try await run(
            try Binaries.path("kaderctl"),
            ["--socket", daemon.socket, "schedule", "preview", "--rule", "FREQ=YEARLY;COUNT=2",
             "--start", "\(last)-08-17T09:00", "--province", "51"])
        #expect(shown.status == 0)
        let lines = shown.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("\(last + 1)-08-17 09:00 WITA  ? holidays not known") }, "\(shown.stdout)")
        #expect(
            lines.last == "? 1 of 2 fall after \(last)-12-31, the last day whose holidays kaderd knows: they may fall on one",
            "\(shown.stdout)")
    }
}
