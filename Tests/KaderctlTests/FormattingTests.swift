import Foundation
import Testing

@testable import kaderctl

@Suite struct FormattingTests {
    @Test func alignsColumnsAndLeavesNoTrailingSpaces() {
        let table = Table(["ID", "NAME", "NOTE"], rows: [["cdr_1", "Ni Luh Ayu", ""], ["cdr_22", "Made", "two\nlines"]])
        #expect(table.render() == """
            ID      NAME        NOTE
            cdr_1   Ni Luh Ayu
            cdr_22  Made        two lines
            """)
    }

    @Test func showsTimesInTheVillagesClockWithItsZone() {
        #expect(LocalTime.display("2026-12-01T09:00:00+08:00", zone: "WITA") == "2026-12-01 09:00 WITA")
        #expect(LocalTime.display("2027-03-09T10:30:00+09:00", zone: "WIT") == "2027-03-09 10:30 WIT")
        #expect(LocalTime.display("not a time", zone: "WIB") == "not a time")
    }

    @Test func readsOnlyRealDays() {
        #expect(Day("2028-02-29")?.description == "2028-02-29")
        for wrong in ["2027-02-29", "2026/12/01", "01-12-2026", "2026-1-1", "2026-13-01", "2026-12-01T09:00", ""] {
            #expect(Day(wrong) == nil, "\(wrong)")
        }
    }

    @Test func knowsNextMonthAcrossTheYear() throws {
        let today = try #require(Day("2026-12-31"))
        #expect(today.next.description == "2027-01-01")
        #expect(today.firstOfNextMonth.description == "2027-01-01")
        #expect(try #require(Day("2027-01-30")).firstOfNextMonth.lastOfMonth.description == "2027-02-28")
    }

    @Test func readsANewStartAsDateOrDateAndTime() throws {
        #expect(try LocalStart.parse("2027-01-12").description == "2027-01-12")
        #expect(try LocalStart.parse("2027-01-12T13:30").description == "2027-01-12T13:30")
        for wrong in ["2027-01-12 13:30", "2027-01-12T25:00", "2027-01-12T9:00", "12-01-2027"] {
            #expect(throws: (any Error).self, "\(wrong)") { try LocalStart.parse(wrong) }
        }
    }
}
