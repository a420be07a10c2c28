import Foundation
import KaderCore
import Testing

@Suite struct LocalDateTimeTests {
    private let jakarta = TimeZone(identifier: "Asia/Jakarta")!
    private let makassar = TimeZone(identifier: "Asia/Makassar")!
    private let jayapura = TimeZone(identifier: "Asia/Jayapura")!
    private let newYork = TimeZone(identifier: "America/New_York")!

    @Test func readsAndWritesISO8601() throws {
        let time = try LocalDateTime(parsing: "2026-01-05T09:30:15")
        #expect(time == (try LocalDateTime(year: 2026, month: 1, day: 5, hour: 9, minute: 30, second: 15)))
        #expect((time.hour, time.minute, time.second) == (9, 30, 15))
        #expect(time.date.description == "2026-01-05")
        #expect(time.description == "2026-01-05T09:30:15")
        #expect((try LocalDateTime(parsing: "2026-01-05T09:00")).description == "2026-01-05T09:00:00")
    }

    @Test(arguments: [
        ("2026-01-05T09:00:00Z", "it has a zone offset, which a local date-time never has: the village's time zone gives it"),
        ("2026-01-05T09:00:00+07:00", "it has a zone offset, which a local date-time never has: the village's time zone gives it"),
        ("2026-01-05T09:00:00.5", "it has fractions of a second; times are kept to the second"),
        ("2026-01-05T24:00:00", "hour 24 is not 00 to 23"),
        ("2026-01-05T09:60:00", "minute 60 is not 00 to 59"),
        ("2026-01-05T09:00:60", "second 60 is not 00 to 59"),
        ("2026-02-29T09:00:00", "February 2026 has 28 days"),
        ("2026-01-05 09:00:00", "expected YYYY-MM-DDTHH:MM:SS, like 2026-01-05T09:00:00"),
        ("2026-01-05", "expected YYYY-MM-DDTHH:MM:SS, like 2026-01-05T09:00:00"),
        ("2026-01-05T9:00", "expected YYYY-MM-DDTHH:MM:SS, like 2026-01-05T09:00:00"),
    ])
    func refusesWhatIsNotALocalDateTime(text: String, reason: String) {
        #expect(throws: LocalTimeError(text: text, expected: "local date-time", reason: reason)) {
            try LocalDateTime(parsing: text)
        }
    }

    @Test func refusesTimesNoClockShows() throws {
        let day = try LocalDate(parsing: "2026-01-05")
        #expect { try LocalDateTime(date: day, hour: 25) } throws: {
            "\($0)" == "\"2026-01-05T25:00:00\" is not a valid local date-time: the time of day must be 00:00:00 to 23:59:59"
        }
    }

    @Test func isAnInstantInEachIndonesianZone() throws {
        let nine = try LocalDateTime(parsing: "2026-01-05T09:00:00")
        // 09:00 WIB is 02:00 UTC, 09:00 WITA 01:00 UTC, 09:00 WIT 00:00 UTC.
        #expect(nine.date(in: jakarta) == Date(timeIntervalSince1970: 1_767_578_400))
        #expect(nine.date(in: makassar) == Date(timeIntervalSince1970: 1_767_574_800))
        #expect(nine.date(in: jayapura) == Date(timeIntervalSince1970: 1_767_571_200))
        for zone in [jakarta, makassar, jayapura, TimeZone(identifier: "UTC")!] {
            #expect(LocalDateTime(nine.date(in: zone), in: zone) == nine)
        }
    }

    @Test func readsTheWallClockOfAnInstant() {
        let instant = Date(timeIntervalSince1970: 1_767_643_200.75)  // 2026-01-05T20:00:00.75Z
        #expect(LocalDateTime(instant, in: jayapura).description == "2026-01-06T05:00:00")
        #expect(LocalDateTime(instant, in: makassar).description == "2026-01-06T04:00:00")
    }

    @Test func takesTheFirstOfARepeatedTimeAsRFC5545Says() throws {
        // New York's clocks went back from 02:00 EDT to 01:00 EST on 2026-11-01.
        let repeated = try LocalDateTime(parsing: "2026-11-01T01:30:00")
        #expect(repeated.date(in: newYork) == Date(timeIntervalSince1970: 1_793_511_000))  // 05:30Z, EDT
    }

    @Test func readsASkippedTimeWithTheOffsetBeforeTheGap() throws {
        // New York's clocks jumped from 02:00 EST to 03:00 EDT on 2026-03-08.
        let skipped = try LocalDateTime(parsing: "2026-03-08T02:30:00")
        let instant = skipped.date(in: newYork)
        #expect(instant == Date(timeIntervalSince1970: 1_772_955_000))  // 07:30Z
        #expect(LocalDateTime(instant, in: newYork).description == "2026-03-08T03:30:00")
    }

    @Test func addsDaysAndMonthsKeepingTheTimeOfDay() throws {
        let time = try LocalDateTime(parsing: "2026-01-31T09:00:00")
        #expect(time.adding(days: 29).description == "2026-03-01T09:00:00")
        #expect(time.adding(months: 1).description == "2026-02-28T09:00:00")
    }

    @Test func ordersByDateThenTime() throws {
        let times = try ["2026-01-05T09:00:00", "2026-01-04T23:59:59", "2026-01-05T08:59:59"]
            .map(LocalDateTime.init(parsing:))
        #expect(times.sorted().map(\.description)
            == ["2026-01-04T23:59:59", "2026-01-05T08:59:59", "2026-01-05T09:00:00"])
    }

    @Test func isCodableAsText() throws {
        let time = try LocalDateTime(parsing: "2026-08-17T07:00:00")
        let json = try JSONEncoder().encode(["start": time])
        #expect(String(decoding: json, as: UTF8.self) == #"{"start":"2026-08-17T07:00:00"}"#)
        #expect(try JSONDecoder().decode([String: LocalDateTime].self, from: json) == ["start": time])
        #expect {
            try JSONDecoder().decode([LocalDateTime].self, from: Data(#"["2026-08-17T07:00:00+07:00"]"#.utf8))
        } throws: {
            "\($0)".contains("\"2026-08-17T07:00:00+07:00\" is not a valid local date-time: it has a zone offset")
        }
    }
}
