import Foundation
import KaderCore
import Testing

@Suite struct LocalDateTests {
    @Test func readsAndWritesISO8601() throws {
        let date = try LocalDate(parsing: "2026-01-05")
        #expect(date == (try LocalDate(year: 2026, month: 1, day: 5)))
        #expect(date.description == "2026-01-05")
        #expect(date.weekday == .monday)
    }

    @Test func knowsLeapYears() throws {
        #expect((try LocalDate(parsing: "2024-02-29")).weekday == .thursday)
        #expect((try LocalDate(parsing: "2000-02-29")).description == "2000-02-29")
        #expect(throws: LocalTimeError(
            text: "2100-02-29", expected: "local date", reason: "February 2100 has 28 days")
        ) { try LocalDate(parsing: "2100-02-29") }
    }

    @Test(arguments: [
        ("2026-02-30", "\"2026-02-30\" is not a valid local date: February 2026 has 28 days"),
        ("2026-04-31", "\"2026-04-31\" is not a valid local date: April 2026 has 30 days"),
        ("2026-13-01", "\"2026-13-01\" is not a valid local date: month 13 is not 1 to 12"),
        ("2026-1-5", "\"2026-1-5\" is not a valid local date: expected YYYY-MM-DD, like 2026-01-05"),
        ("20260105", "\"20260105\" is not a valid local date: expected YYYY-MM-DD, like 2026-01-05"),
        ("2026-01-05T09:00:00", "\"2026-01-05T09:00:00\" is not a valid local date: expected YYYY-MM-DD, like 2026-01-05"),
        ("", "\"\" is not a valid local date: expected YYYY-MM-DD, like 2026-01-05"),
    ])
    func refusesWhatIsNotADate(text: String, message: String) {
        #expect { try LocalDate(parsing: text) } throws: { "\($0)" == message }
    }

    @Test func refusesDaysThatDoNotExist() {
        #expect { try LocalDate(year: 2026, month: 6, day: 31) } throws: {
            "\($0)" == "\"2026-06-31\" is not a valid local date: June 2026 has 30 days"
        }
        #expect { try LocalDate(year: 2026, month: 0, day: 1) } throws: {
            "\($0)" == "\"2026-00-01\" is not a valid local date: month 0 is not 1 to 12"
        }
    }

    @Test func addsDaysAcrossMonthsYearsAndLeapDays() throws {
        let leapDay = try LocalDate(parsing: "2028-02-29")
        #expect(leapDay.adding(days: 1).description == "2028-03-01")
        #expect(leapDay.adding(days: -60).description == "2027-12-31")
        #expect(leapDay.adding(days: 366).description == "2029-03-01")
        #expect((try LocalDate(parsing: "2026-12-31")).adding(days: 1).description == "2027-01-01")
    }

    @Test func addsMonthsKeepingToTheMonthsEnd() throws {
        #expect((try LocalDate(parsing: "2026-01-31")).adding(months: 1).description == "2026-02-28")
        #expect((try LocalDate(parsing: "2024-01-31")).adding(months: 1).description == "2024-02-29")
        #expect((try LocalDate(parsing: "2024-02-29")).adding(months: 12).description == "2025-02-28")
        #expect((try LocalDate(parsing: "2026-03-15")).adding(months: -15).description == "2024-12-15")
        #expect((try LocalDate(parsing: "2026-05-31")).adding(months: 1).description == "2026-06-30")
    }

    @Test func ordersByCalendar() throws {
        let dates = try ["2026-01-05", "2025-12-31", "2026-01-04", "2024-02-29"].map(LocalDate.init(parsing:))
        #expect(dates.sorted().map(\.description) == ["2024-02-29", "2025-12-31", "2026-01-04", "2026-01-05"])
    }

    @Test func isTheWallCalendarDayOfAnInstant() throws {
        // 2026-01-05T20:00:00Z is already the 6th in Jayapura (UTC+9), still the 5th in UTC.
        let instant = Date(timeIntervalSince1970: 1_767_643_200)
        #expect(LocalDate(instant, in: try #require(TimeZone(identifier: "Asia/Jayapura"))).description == "2026-01-06")
        #expect(LocalDate(instant, in: try #require(TimeZone(identifier: "UTC"))).description == "2026-01-05")
        let jakarta = try #require(TimeZone(identifier: "Asia/Jakarta"))
        #expect((try LocalDate(parsing: "2026-01-06")).date(in: jakarta) == Date(timeIntervalSince1970: 1_767_632_400))
    }

    @Test func writesYearsBeyondFourDigitsWithASign() throws {
        let far = try LocalDate(parsing: "9999-12-31").adding(days: 1)
        #expect(far.description == "+10000-01-01")
        #expect(try LocalDate(parsing: far.description) == far)
        // Year 0 is a leap year in the proleptic Gregorian calendar ISO 8601 uses.
        #expect((try LocalDate(parsing: "0001-01-01")).adding(days: -366).description == "0000-01-01")
        #expect((try LocalDate(parsing: "0001-01-01")).adding(days: -367).description == "-0001-12-31")
    }

    @Test func isCodableAsText() throws {
        let date = try LocalDate(parsing: "2026-08-17")
        let json = try JSONEncoder().encode([date])
        #expect(String(decoding: json, as: UTF8.self) == #"["2026-08-17"]"#)
        #expect(try JSONDecoder().decode([LocalDate].self, from: json) == [date])
        #expect { try JSONDecoder().decode([LocalDate].self, from: Data(#"["2026-08-32"]"#.utf8)) } throws: {
            "\($0)".contains("\"2026-08-32\" is not a valid local date: August 2026 has 31 days")
        }
    }
}
