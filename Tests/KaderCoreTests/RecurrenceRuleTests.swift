import Foundation
import KaderCore
import Testing

@Suite struct RecurrenceRuleTests {
    @Test func readsTheParts() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=1TU;COUNT=6")
        #expect(rule.frequency == .monthly)
        #expect(rule.interval == 1)
        #expect(rule.byDay == [RecurrenceWeekday(.tuesday, ordinal: 1)])
        #expect(rule.end == .count(6))
        #expect(rule.weekStart == .monday)
    }

    @Test(arguments: [
        ("FREQ=MONTHLY;BYDAY=1TU;COUNT=6", "FREQ=MONTHLY;BYDAY=1TU;COUNT=6"),
        ("RRULE:FREQ=MONTHLY;BYDAY=1TU;COUNT=6", "FREQ=MONTHLY;BYDAY=1TU;COUNT=6"),
        ("rrule:freq=monthly;byday=+1tu;count=6\n", "FREQ=MONTHLY;BYDAY=1TU;COUNT=6"),
        ("COUNT=6;BYDAY=-1FR;FREQ=MONTHLY;INTERVAL=1;WKST=MO", "FREQ=MONTHLY;BYDAY=-1FR;COUNT=6"),
        ("FREQ=WEEKLY;WKST=SU;BYDAY=SU,TU,TU;INTERVAL=2", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=SU"),
        ("FREQ=YEARLY;BYMONTHDAY=-1,15,+1,-7;BYMONTH=12,3", "FREQ=YEARLY;BYMONTH=3,12;BYMONTHDAY=1,15,-7,-1"),
        ("FREQ=MONTHLY;BYSETPOS=-1,1;BYDAY=FR,MO", "FREQ=MONTHLY;BYDAY=MO,FR;BYSETPOS=1,-1"),
        ("FREQ=DAILY;UNTIL=20260630", "FREQ=DAILY;UNTIL=20260630"),
        ("FREQ=DAILY;UNTIL=20260630T170000", "FREQ=DAILY;UNTIL=20260630T170000"),
        ("FREQ=DAILY;UNTIL=20260630T100000z", "FREQ=DAILY;UNTIL=20260630T100000Z"),
    ])
    func printsCanonicalText(text: String, canonical: String) throws {
        let rule = try RecurrenceRule(parsing: text)
        #expect(rule.description == canonical)
        #expect(try RecurrenceRule(parsing: canonical) == rule)
    }

    @Test func readsTheThreeFormsOfUntil() throws {
        #expect(try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20260630").end
            == .untilDate(LocalDate(parsing: "2026-06-30")))
        #expect(try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20260630T170000").end
            == .untilLocal(LocalDateTime(parsing: "2026-06-30T17:00:00")))
        #expect(try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20260630T100000Z").end
            == .untilUTC(LocalDateTime(parsing: "2026-06-30T10:00:00")))
    }

    @Test func isBuiltFromPartsWithTheSameChecks() throws {
        let rule = try RecurrenceRule(
            frequency: .monthly, end: .count(6), byDay: [RecurrenceWeekday(.tuesday, ordinal: 1)])
        #expect(rule == (try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=1TU;COUNT=6")))
        #expect(throws: RecurrenceRuleError.invalidValue(
            part: "INTERVAL", value: "0", reason: "expected a whole number of 1 or more")
        ) { try RecurrenceRule(frequency: .daily, interval: 0) }
    }

    @Test func isCodableAsItsText() throws {
        let rule = try RecurrenceRule(parsing: "RRULE:FREQ=MONTHLY;COUNT=6;BYDAY=1TU")
        let json = try JSONEncoder().encode(["recurrence": rule])
        #expect(String(decoding: json, as: UTF8.self) == #"{"recurrence":"FREQ=MONTHLY;BYDAY=1TU;COUNT=6"}"#)
        #expect(try JSONDecoder().decode([String: RecurrenceRule].self, from: json) == ["recurrence": rule])
        #expect {
            try JSONDecoder().decode([RecurrenceRule].self, from: Data(#"["FREQ=HOURLY"]"#.utf8))
        } throws: {
            "\($0)".contains("RRULE part FREQ=HOURLY is not supported")
        }
    }
}
