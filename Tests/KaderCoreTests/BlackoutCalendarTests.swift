import KaderCore
import Testing

@Suite struct BlackoutCalendarTests {
    let national = BlackoutCalendar.national
    let bali = try! RegionCode("51")
    let kutaVillage = try! RegionCode("51.03.01.1002")
    let aceh = try! RegionCode("11")
    let papuaTengah = try! RegionCode("94")

    private func at(_ text: String) -> LocalDateTime { try! LocalDateTime(parsing: text) }
    private func day(_ text: String) -> LocalDate { try! LocalDate(parsing: text) }

    @Test func independenceDayIsABlackoutInEveryProvinceEveryYear() {
        for year in 2025...2030 {
            for province in [aceh, bali, papuaTengah] {
                #expect(
                    national.blackouts(on: day("\(year)-08-17"), in: province).map(\.name)
                        == ["Hari Kemerdekaan Republik Indonesia"])
            }
            #expect(national.blackout(at: at("\(year)-12-25T09:00:00"), in: aceh)?.name == "Hari Raya Natal")
            #expect(national.blackout(at: at("\(year)-01-01T00:00:00"), in: aceh)?.name == "Tahun Baru Masehi")
        }
    }

    @Test(arguments: [("2025-03-29", "2025-03-28"), ("2026-03-19", "2026-03-18")])
    func nyepiAndItsCutiBersamaAreNationalBlackouts(nyepi: String, cutiBersama: String) {
        #expect(national.blackouts(on: day(nyepi), in: aceh).map(\.name) == ["Hari Suci Nyepi"])
        #expect(national.blackouts(on: day(cutiBersama), in: aceh).map(\.name) == ["Cuti Bersama Hari Suci Nyepi"])
    }

    @Test func weekendsAndOrdinaryDaysAreNotBlackouts() {
        // 15 and 16 August 2026 are a Saturday and a Sunday; 18 August a Tuesday.
        for date in ["2026-08-15", "2026-08-16", "2026-08-18"] {
            #expect(national.blackouts(on: day(date), in: bali).isEmpty, "\(date)")
        }
    }

    @Test func aProvincesOwnBlackoutAppliesOnlyThere() throws {
        var calendar = national
        try calendar.add("Hari Jadi Provinsi Bali", on: day("2026-08-14"), in: bali, source: .plugin("test"))
        #expect(calendar.blackout(at: at("2026-08-14T09:00:00"), in: kutaVillage)?.name == "Hari Jadi Provinsi Bali")
        #expect(calendar.blackout(at: at("2026-08-14T09:00:00"), in: aceh) == nil)
        #expect(calendar.blackouts(on: day("2026-08-13"), in: bali).isEmpty)
        #expect(national.blackouts(on: day("2026-08-14"), in: bali).isEmpty, "the shipped calendar is not changed")
    }

    @Test func nyepiInBaliRunsTwentyFourHoursFromSixInTheMorning() throws {
        var calendar = BlackoutCalendar()
        try calendar.add("Nyepi", from: at("2026-03-19T06:00:00"), until: at("2026-03-20T06:00:00"), in: bali, source: .plugin("bali"))
        #expect(calendar.blackout(at: at("2026-03-19T05:59:59"), in: bali) == nil)
        #expect(calendar.blackout(at: at("2026-03-19T06:00:00"), in: bali)?.name == "Nyepi")
        #expect(calendar.blackout(at: at("2026-03-20T05:59:59"), in: bali)?.name == "Nyepi")
        #expect(calendar.blackout(at: at("2026-03-20T06:00:00"), in: bali) == nil)
        // Both dates it touches count as (partly) blacked out; the day after does not.
        #expect(calendar.blackouts(on: day("2026-03-19"), in: bali).map(\.name) == ["Nyepi"])
        #expect(calendar.blackouts(on: day("2026-03-20"), in: bali).map(\.name) == ["Nyepi"])
        #expect(calendar.blackouts(on: day("2026-03-21"), in: bali).isEmpty)
        #expect(calendar.blackouts(on: day("2026-03-18"), in: bali).isEmpty)
    }

    @Test func aProvincesBlackoutIsNamedBeforeTheNationalHolidayOnTheSameDay() throws {
        var calendar = national
        try calendar.add(
            "Nyepi (Bali, 06:00 WITA)", from: at("2026-03-19T06:00:00"), until: at("2026-03-20T06:00:00"), in: bali,
            source: .plugin("bali"))
        #expect(calendar.blackout(at: at("2026-03-19T09:00:00"), in: bali)?.name == "Nyepi (Bali, 06:00 WITA)")
        #expect(calendar.blackout(at: at("2026-03-19T09:00:00"), in: aceh)?.name == "Hari Suci Nyepi")
        #expect(calendar.blackouts(on: day("2026-03-19"), in: bali).map(\.name) == ["Nyepi (Bali, 06:00 WITA)", "Hari Suci Nyepi"])
    }

    @Test func shiftsByPolicyToTheNearestAllowedDayAtTheSameTime() throws {
        // 18–24 March 2026: cuti bersama Nyepi, Nyepi, cuti bersama, Idul Fitri (two days), cuti bersama (two days).
        let start = at("2026-03-20T09:00:00")
        let next = try national.shift(start, by: .nextDay, in: aceh)
        #expect(next?.shifted == at("2026-03-25T09:00:00"))
        #expect(next?.original == start)
        #expect(next?.blackout.name == "Cuti Bersama Hari Raya Idul Fitri")
        #expect(try national.shift(start, by: .previousDay, in: aceh)?.shifted == at("2026-03-17T09:00:00"))
        #expect(try national.shift(start, by: .keep, in: aceh) == nil)
        #expect(try national.shift(at("2026-03-17T09:00:00"), by: .nextDay, in: aceh) == nil)
    }

    @Test func refusesBlackoutsThatCannotMeanAnything() {
        var calendar = BlackoutCalendar()
        #expect(throws: BlackoutError.emptyName) { try calendar.add(" ", on: day("2026-05-01"), in: bali, source: .shipped) }
        #expect(throws: BlackoutError.self) {
            try calendar.add(
                "Nyepi", from: at("2026-03-20T06:00:00"), until: at("2026-03-19T06:00:00"), in: bali, source: .plugin("bali"))
        }
    }

    @Test func aYearOfBlackoutsLeavesNoDayToMoveTo() throws {
        var calendar = BlackoutCalendar()
        try calendar.add(
            "Wrong data", from: at("2026-01-01T00:00:00"), until: at("2028-01-01T00:00:00"), in: bali, source: .plugin("test"))
        let error = #expect(throws: BlackoutError.self) {
            try calendar.shift(at("2026-06-01T09:00:00"), by: .nextDay, in: bali)
        }
        #expect(error?.description == "no day within 366 days after 2026-06-01T09:00:00 is free of blackouts in province 51")
    }

    @Test func readsHolidayDataAndNamesTheLineOfABadRow() throws {
        let calendar = try BlackoutCalendar(holidaysCSV: "date,name\n2031-08-17,Hari Kemerdekaan\n\"2031-12-25\",\"Natal, Hari Raya\"\n")
        #expect(calendar.blackout(at: at("2031-12-25T10:00:00"), in: aceh)?.name == "Natal, Hari Raya")
        let badDate = #expect(throws: RegionDataError.self) {
            try BlackoutCalendar(holidaysCSV: "date,name\n2031-08-17,Hari Kemerdekaan\n2031-02-30,Nowhere\n")
        }
        #expect(badDate?.file == "holidays.csv")
        #expect(badDate?.line == 3)
        #expect(throws: RegionDataError.self) { try BlackoutCalendar(holidaysCSV: "day,holiday\n") }
        #expect(throws: RegionDataError.self) { try BlackoutCalendar(holidaysCSV: "date,name\n2031-08-17,\n") }
    }
}
