import Foundation
import KaderCore
import Testing

/// The cases people get wrong about RFC 5545, each checked against dates a reader can
/// verify on a calendar.
@Suite struct RecurrenceExpansionTests {
    private let jakarta = TimeZone(identifier: "Asia/Jakarta")!

    /// The local dates of the occurrences, in Jakarta, from `start`.
    private func days(_ rule: String, from start: String, limit: Int = 100) throws -> [String] {
        try RecurrenceRule(parsing: rule)
            .localOccurrences(from: LocalDateTime(parsing: start), in: jakarta, limit: limit)
            .map(\.date.description)
    }

    @Test func firstTuesdayOfTheMonth() throws {
        #expect(try days("FREQ=MONTHLY;BYDAY=1TU;COUNT=6", from: "2026-01-05T09:00:00") == [
            "2026-01-06", "2026-02-03", "2026-03-03", "2026-04-07", "2026-05-05", "2026-06-02",
        ])
    }

    @Test func lastFridayOfTheMonth() throws {
        #expect(try days("FREQ=MONTHLY;BYDAY=-1FR;COUNT=6", from: "2026-01-05T09:00:00") == [
            "2026-01-30", "2026-02-27", "2026-03-27", "2026-04-24", "2026-05-29", "2026-06-26",
        ])
    }

    @Test func lastWeekdayOfTheMonthBySetPosition() throws {
        #expect(try days("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=6", from: "2026-01-05T09:00:00") == [
            "2026-01-30", "2026-02-27", "2026-03-31", "2026-04-30", "2026-05-29", "2026-06-30",
        ])
    }

    @Test func lastDayOfTheMonthFollowsTheMonthsLength() throws {
        #expect(try days("FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=4", from: "2026-01-05T09:00:00") == [
            "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30",
        ])
        #expect(try days("FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=2", from: "2028-01-05T09:00:00") == [
            "2028-01-31", "2028-02-29",
        ])
    }

    @Test func skipsDaysThatDoNotExistInsteadOfMovingThem() throws {
        #expect(try days("FREQ=MONTHLY;COUNT=5", from: "2026-01-31T09:00:00") == [
            "2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31", "2026-08-31",
        ])
        #expect(try days("FREQ=MONTHLY;INTERVAL=2;COUNT=5", from: "2026-01-31T09:00:00") == [
            "2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31", "2027-01-31",
        ])
    }

    @Test func leapDayRecursOnlyInLeapYears() throws {
        #expect(try days("FREQ=YEARLY;COUNT=3", from: "2024-02-29T09:00:00") == [
            "2024-02-29", "2028-02-29", "2032-02-29",
        ])
        // A rare combination is still found: 29 February on a Monday.
        #expect(try days("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;COUNT=3", from: "2024-01-01T09:00:00") == [
            "2044-02-29", "2072-02-29", "2112-02-29",
        ])
    }

    /// RFC 5545's own example: the week start decides which Sunday shares a week with
    /// which Tuesday, and so which weeks INTERVAL=2 skips.
    @Test func weekStartDecidesTheWeeksOfAFortnightlyRule() throws {
        #expect(try days("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", from: "1997-08-05T09:00:00") == [
            "1997-08-05", "1997-08-10", "1997-08-19", "1997-08-24",
        ])
        #expect(try days("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", from: "1997-08-05T09:00:00") == [
            "1997-08-05", "1997-08-17", "1997-08-19", "1997-08-31",
        ])
    }

    @Test func numbersWeekdaysWithinTheYearUnlessMonthsAreNamed() throws {
        // RFC 5545's example: the 20th Monday of the year.
        #expect(try days("FREQ=YEARLY;BYDAY=20MO;COUNT=3", from: "1997-05-19T09:00:00") == [
            "1997-05-19", "1998-05-18", "1999-05-17",
        ])
        #expect(try days("FREQ=YEARLY;BYDAY=-1FR;COUNT=3", from: "2026-01-05T09:00:00") == [
            "2026-12-25", "2027-12-31", "2028-12-29",
        ])
        #expect(try days("FREQ=YEARLY;BYDAY=53MO;COUNT=2", from: "2026-01-01T09:00:00") == [
            "2029-12-31", "2035-12-31",
        ])
        #expect(try days("FREQ=YEARLY;BYMONTH=1,2;BYDAY=1MO,-1MO;COUNT=4", from: "2026-01-01T09:00:00") == [
            "2026-01-05", "2026-01-26", "2026-02-02", "2026-02-23",
        ])
    }

    @Test func fridayThe13th() throws {
        #expect(try days("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;COUNT=3", from: "2026-01-05T09:00:00") == [
            "2026-02-13", "2026-03-13", "2026-11-13",
        ])
    }

    @Test func startIsTheFirstOccurrenceOnlyWhenItMatches() throws {
        #expect(try days("FREQ=MONTHLY;BYDAY=1TU;COUNT=2", from: "2026-01-06T09:00:00") == ["2026-01-06", "2026-02-03"])
        // A start on a Monday is not itself a first Tuesday, and COUNT counts only matches.
        #expect(try days("FREQ=MONTHLY;BYDAY=1TU;COUNT=2", from: "2026-01-05T09:00:00") == ["2026-01-06", "2026-02-03"])
        // The first Monday or Friday of January 2026 (the 2nd) is before the start.
        #expect(try days("FREQ=MONTHLY;BYDAY=MO,FR;BYSETPOS=1;COUNT=2", from: "2026-01-07T09:00:00") == [
            "2026-02-02", "2026-03-02",
        ])
    }

    /// As in dateutil, the first week of a weekly rule starts at the start, so BYSETPOS=1
    /// picks the first matching day from the start on.
    @Test func firstWeekOfAWeeklyRuleBeginsAtTheStart() throws {
        #expect(try days("FREQ=WEEKLY;BYDAY=MO,FR;BYSETPOS=1;COUNT=3", from: "2026-01-07T09:00:00") == [
            "2026-01-09", "2026-01-12", "2026-01-19",
        ])
    }

    @Test func untilIsInclusive() throws {
        let start = "2026-01-05T09:00:00"
        #expect(try days("FREQ=DAILY;UNTIL=20260107T090000", from: start) == ["2026-01-05", "2026-01-06", "2026-01-07"])
        #expect(try days("FREQ=DAILY;UNTIL=20260107T085959", from: start) == ["2026-01-05", "2026-01-06"])
        // A date bounds whole days: the task at 09:00 on the 7th is within "until the 7th".
        #expect(try days("FREQ=DAILY;UNTIL=20260107", from: start) == ["2026-01-05", "2026-01-06", "2026-01-07"])
        #expect(try days("FREQ=DAILY;UNTIL=20260105", from: start) == ["2026-01-05"])
        #expect(try days("FREQ=DAILY;UNTIL=20260104", from: start) == [])
    }

    /// A UTC bound is an instant: 09:00 on the 7th is 02:00Z in Jakarta but 09:00Z in UTC.
    @Test func utcUntilIsAnInstant() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20260107T020000Z")
        let start = try LocalDateTime(parsing: "2026-01-05T09:00:00")
        #expect(rule.localOccurrences(from: start, in: jakarta, limit: 10).count == 3)
        #expect(rule.localOccurrences(from: start, in: TimeZone(identifier: "UTC")!, limit: 10).count == 2)
    }

    @Test func occurrencesAreInstantsInTheVillagesZone() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=1TU;COUNT=2")
        let start = try LocalDateTime(parsing: "2026-01-05T09:00:00")
        let jayapura = try #require(TimeZone(identifier: "Asia/Jayapura"))
        // 09:00 WIT (UTC+9) is midnight UTC.
        #expect(rule.occurrences(from: start, in: jayapura, limit: 10) == [
            Date(timeIntervalSince1970: 1_767_657_600),  // 2026-01-06T00:00:00Z
            Date(timeIntervalSince1970: 1_770_076_800),  // 2026-02-03T00:00:00Z
        ])
    }

    @Test func stopsAtTheLimitOrTheCountWhicheverComesFirst() throws {
        #expect(try days("FREQ=DAILY;COUNT=5", from: "2026-01-05T09:00:00", limit: 3).count == 3)
        #expect(try days("FREQ=DAILY;COUNT=5", from: "2026-01-05T09:00:00", limit: 30).count == 5)
        #expect(try days("FREQ=DAILY", from: "2026-01-05T09:00:00", limit: 0).isEmpty)
    }

    @Test func keepsTheStartsTimeOfDay() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=WEEKLY;COUNT=2")
        let start = try LocalDateTime(parsing: "2026-01-05T13:45:30")
        #expect(rule.localOccurrences(from: start, in: jakarta, limit: 10).map(\.description) == [
            "2026-01-05T13:45:30", "2026-01-12T13:45:30",
        ])
    }

    /// Rules that can never match end after one 400-year calendar cycle, not in year 9999.
    @Test(arguments: [
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=MONTHLY;BYMONTH=4,6,9,11;BYMONTHDAY=31",
        "FREQ=MONTHLY;BYDAY=1MO;BYMONTHDAY=8,9,10",
        "FREQ=WEEKLY;INTERVAL=2;BYMONTH=2;BYDAY=MO;BYSETPOS=2",
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=DAILY;INTERVAL=7;BYDAY=TU",
        "FREQ=DAILY;INTERVAL=146097;BYMONTHDAY=1",
    ])
    func neverMatchingRulesEndQuickly(rule: String) throws {
        let clock = ContinuousClock()
        var found: [String] = []
        let elapsed = try clock.measure {
            found = try days(rule, from: "2026-01-05T09:00:00", limit: 10)
        }
        #expect(found.isEmpty)
        // A bound against a search that never ends, not a speed target (alone: milliseconds;
        // beside the whole suite on two cores, seconds).
        #expect(elapsed < .seconds(20), "took \(elapsed)")
    }
}
