import KaderCore
import Testing

/// Every refusal, word for word: these messages are what a user sees when a program's
/// recurrence is wrong, so they must name the part and say what would be right.
@Suite struct RecurrenceRuleRefusalTests {
    private static let noFrequency =
        "the recurrence rule has no FREQ part: say how often it repeats, e.g. FREQ=MONTHLY"
    private static let wholeNumber = "expected a whole number of 1 or more"
    private static let untilForms =
        "expected a date (20260630), a local date-time (20260630T170000) or a UTC date-time (20260630T100000Z)"

    @Test(arguments: [
        ("", noFrequency),
        ("RRULE:", noFrequency),
        ("COUNT=6;BYDAY=1TU", noFrequency),
        ("FREQ=DAILY;;COUNT=2", "the recurrence rule has an empty part: remove the extra ';'"),
        ("FREQ=DAILY;", "the recurrence rule has an empty part: remove the extra ';'"),
        ("FREQ=DAILY;COUNT", "RRULE part \"COUNT\" is not of the form NAME=VALUE"),
        ("FREQ=DAILY;=6", "RRULE part \"=6\" is not of the form NAME=VALUE"),
        ("FREQ=DAILY;EVERY=2", "RRULE part EVERY is not an RFC 5545 recurrence rule part"),
        ("DTSTART=20260105T090000;FREQ=DAILY", "RRULE part DTSTART is not an RFC 5545 recurrence rule part"),
        ("FREQ=DAILY;FREQ=WEEKLY", "RRULE part FREQ appears more than once"),
        ("FREQ=DAILY;BYDAY=MO;byday=TU", "RRULE part BYDAY appears more than once"),
        ("FREQ=DAILY;COUNT=2;UNTIL=20260630", "RRULE parts COUNT and UNTIL cannot both be given (RFC 5545): keep one of them"),
        ("UNTIL=20260630;FREQ=DAILY;COUNT=2", "RRULE parts COUNT and UNTIL cannot both be given (RFC 5545): keep one of them"),
    ])
    func refusesMalformedRules(text: String, message: String) {
        #expect { try RecurrenceRule(parsing: text) } throws: { "\($0)" == message }
    }

    @Test(arguments: [
        ("FREQ=DAILY;BYHOUR=9", "RRULE part BYHOUR is not supported: a task recurs by the day, at the start's time of day"),
        ("FREQ=DAILY;BYMINUTE=30", "RRULE part BYMINUTE is not supported: a task recurs by the day, at the start's time of day"),
        ("FREQ=DAILY;BYSECOND=0", "RRULE part BYSECOND is not supported: a task recurs by the day, at the start's time of day"),
        ("FREQ=YEARLY;BYYEARDAY=100", "RRULE part BYYEARDAY is not supported: name the days with BYMONTH and BYMONTHDAY instead"),
        ("FREQ=YEARLY;BYWEEKNO=20", "RRULE part BYWEEKNO is not supported: name the days with BYMONTH and BYDAY instead"),
        ("FREQ=HOURLY", "RRULE part FREQ=HOURLY is not supported: tasks recur by the day, so use DAILY, WEEKLY, MONTHLY or YEARLY"),
        ("FREQ=MINUTELY", "RRULE part FREQ=MINUTELY is not supported: tasks recur by the day, so use DAILY, WEEKLY, MONTHLY or YEARLY"),
        ("FREQ=SECONDLY", "RRULE part FREQ=SECONDLY is not supported: tasks recur by the day, so use DAILY, WEEKLY, MONTHLY or YEARLY"),
    ])
    func refusesWhatItDoesNotSupport(text: String, message: String) {
        #expect { try RecurrenceRule(parsing: text) } throws: { "\($0)" == message }
    }

    @Test(arguments: [
        ("FREQ=FORTNIGHTLY", "FREQ", "FORTNIGHTLY", "expected DAILY, WEEKLY, MONTHLY or YEARLY"),
        ("FREQ=", "FREQ", "", "expected DAILY, WEEKLY, MONTHLY or YEARLY"),
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL", "0", wholeNumber),
        ("FREQ=DAILY;INTERVAL=-2", "INTERVAL", "-2", wholeNumber),
        ("FREQ=DAILY;INTERVAL=two", "INTERVAL", "TWO", wholeNumber),
        ("FREQ=DAILY;INTERVAL=9999999999", "INTERVAL", "9999999999",
         "too large to mean anything on a calendar (at most 999999999)"),
        ("FREQ=DAILY;COUNT=0", "COUNT", "0", wholeNumber),
        ("FREQ=DAILY;COUNT=1.5", "COUNT", "1.5", wholeNumber),
        ("FREQ=DAILY;UNTIL=2026-06-30", "UNTIL", "2026-06-30", untilForms),
        ("FREQ=DAILY;UNTIL=20260630T1700", "UNTIL", "20260630T1700", untilForms),
        ("FREQ=DAILY;UNTIL=20260630T170000+0700", "UNTIL", "20260630T170000+0700", untilForms),
        ("FREQ=DAILY;UNTIL=20260231", "UNTIL", "20260231", "February 2026 has 28 days"),
        ("FREQ=DAILY;UNTIL=20261301", "UNTIL", "20261301", "month 13 is not 1 to 12"),
        ("FREQ=DAILY;UNTIL=20260630T250000", "UNTIL", "20260630T250000", "the time of day must be 00:00:00 to 23:59:59"),
        ("FREQ=YEARLY;BYMONTH=13", "BYMONTH", "13", "expected months 1 to 12"),
        ("FREQ=YEARLY;BYMONTH=0", "BYMONTH", "0", "expected months 1 to 12"),
        ("FREQ=YEARLY;BYMONTH=-1", "BYMONTH", "-1", "expected months 1 to 12"),
        ("FREQ=YEARLY;BYMONTH=5L", "BYMONTH", "5L", "expected months 1 to 12"),
        ("FREQ=YEARLY;BYMONTH=", "BYMONTH", "", "expected months 1 to 12"),
        ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY", "0",
         "expected days of the month, 1 to 31, or -1 to -31 counting from the end"),
        ("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY", "32",
         "expected days of the month, 1 to 31, or -1 to -31 counting from the end"),
        ("FREQ=MONTHLY;BYMONTHDAY=1,,15", "BYMONTHDAY", "",
         "expected days of the month, 1 to 31, or -1 to -31 counting from the end"),
        ("FREQ=MONTHLY;BYDAY=XX", "BYDAY", "XX",
         "expected a weekday MO, TU, WE, TH, FR, SA or SU, optionally numbered (1TU, -1FR)"),
        ("FREQ=MONTHLY;BYDAY=MONDAY", "BYDAY", "MONDAY",
         "expected a weekday MO, TU, WE, TH, FR, SA or SU, optionally numbered (1TU, -1FR)"),
        ("FREQ=MONTHLY;BYDAY=FIRSTTU", "BYDAY", "FIRST",
         "expected a weekday's number, 1 to 53 or -1 to -53, before its code (1TU, -1FR)"),
        ("FREQ=YEARLY;BYDAY=0MO", "BYDAY", "0MO", "a weekday's number is 1 to 53, or -1 to -53 counting from the end"),
        ("FREQ=YEARLY;BYDAY=54MO", "BYDAY", "54MO", "a weekday's number is 1 to 53, or -1 to -53 counting from the end"),
        ("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", "BYSETPOS", "0",
         "expected positions 1 to 366, or -1 to -366 counting from the end"),
        ("FREQ=YEARLY;BYDAY=MO;BYSETPOS=-367", "BYSETPOS", "-367",
         "expected positions 1 to 366, or -1 to -366 counting from the end"),
        ("FREQ=WEEKLY;WKST=SUNDAY", "WKST", "SUNDAY", "expected a weekday: MO, TU, WE, TH, FR, SA or SU"),
    ])
    func refusesInvalidValues(text: String, part: String, value: String, reason: String) {
        let error = RecurrenceRuleError.invalidValue(part: part, value: value, reason: reason)
        #expect(throws: error) { try RecurrenceRule(parsing: text) }
        #expect(error.part == part)
        #expect(error.description == "RRULE part \(part) has an invalid value \"\(value)\": \(reason)")
    }

    @Test(arguments: [
        ("FREQ=WEEKLY;BYDAY=1TU", "BYDAY",
         "numbers weekdays (1TU), which RFC 5545 allows only with FREQ=MONTHLY or FREQ=YEARLY: with FREQ=WEEKLY write the weekday alone (TU)"),
        ("FREQ=DAILY;BYDAY=-1FR", "BYDAY",
         "numbers weekdays (-1FR), which RFC 5545 allows only with FREQ=MONTHLY or FREQ=YEARLY: with FREQ=DAILY write the weekday alone (FR)"),
        ("FREQ=MONTHLY;BYDAY=6MO", "BYDAY",
         "6MO can never match: weekdays are numbered within the month here, and a month has at most five of each"),
        ("FREQ=YEARLY;BYMONTH=3;BYDAY=-6SU", "BYDAY",
         "-6SU can never match: weekdays are numbered within the month here, and a month has at most five of each"),
        ("FREQ=MONTHLY;BYDAY=MO,1TU", "BYDAY",
         "mixes numbered and plain weekdays (MO,1TU), which calendar software reads in different ways: number all of them or none"),
        ("FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY",
         "cannot be used with FREQ=WEEKLY (RFC 5545): use FREQ=MONTHLY, or name weekdays with BYDAY"),
        ("FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS",
         "needs BYDAY, BYMONTHDAY or BYMONTH to choose from (RFC 5545)"),
    ])
    func refusesPartsThatConflict(text: String, part: String, reason: String) {
        #expect(throws: RecurrenceRuleError.conflict(part: part, reason: reason)) { try RecurrenceRule(parsing: text) }
        #expect { try RecurrenceRule(parsing: text) } throws: { "\($0)" == "RRULE part \(part) \(reason)" }
    }

    @Test func namesThePartAtFault() {
        #expect(RecurrenceRuleError.missingFrequency.part == "FREQ")
        #expect(RecurrenceRuleError.unsupportedFrequency("HOURLY").part == "FREQ")
        #expect(RecurrenceRuleError.unsupportedPart("BYHOUR").part == "BYHOUR")
        #expect(RecurrenceRuleError.duplicatePart("BYDAY").part == "BYDAY")
        #expect(RecurrenceRuleError.countWithUntil.part == "COUNT")
        #expect(RecurrenceRuleError.emptyPart.part == nil)
    }
}
