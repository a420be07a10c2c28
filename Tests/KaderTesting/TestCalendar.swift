import Foundation
import KaderCore

/// Dates for tests that talk to a real kaderd. The daemon checks what it is sent against its
/// own wall clock ("a workflow cannot start in the past"), so a fixed date there is a time
/// bomb: these are derived from the same clock instead, as today in the village's own zone
/// plus an offset, and they keep clear of the shipped holidays (which end in 2032) so that
/// the expected times stay exact on any date the suite runs.
public enum TestCalendar {
    /// Bali, whose plugin blacks out Galungan and Kuningan.
    static let bali = "51"
    /// What the Bali plugin calls Galungan, which it blacks out for the whole day.
    static let galunganName = "Hari Raya Galungan"
    /// A Galungan; they recur every 210 days (one Pawukon cycle), for ever.
    static let knownGalungan = try! LocalDate(year: 2027, month: 1, day: 13)
    static let pawukonDays = 210
    /// Kuningan, the Bali plugin's other blackout, is ten days after Galungan.
    static let kuninganOffset = 10
    /// How far ahead a national holiday is looked for: while the data lasts there are more
    /// than a dozen a year; once it has run out there are none at any distance.
    static let holidaySearchDays = 366

    /// Today on the wall calendar of the province `region` lies in (any region code: `51`,
    /// `91.03.01.2004`), the day kaderd compares a start date with.
    public static func today(in region: String) -> LocalDate {
        LocalDate(Date(), in: timeZone(of: region))
    }

    /// The first day at least `days` after today in every one of `regions` that is no
    /// national holiday: a start no check of "the past" refuses (even across a midnight,
    /// with `days` of 1 or more) and whose first task no blackout moves.
    public static func freeDay(atLeast days: Int, in regions: String...) -> LocalDate {
        precondition(!regions.isEmpty, "name the regions the day is for")
        var day = regions.map { today(in: $0) }.max()!.adding(days: days)
        while regions.contains(where: { isNationalHoliday(day, in: $0) }) { day = day.adding(days: 1) }
        return day
    }

    /// The first `weekday` at least `days` after today in `region`.
    public static func next(_ weekday: Weekday, atLeast days: Int, in region: String) -> LocalDate {
        var day = today(in: region).adding(days: days)
        while day.weekday != weekday { day = day.adding(days: 1) }
        return day
    }

    /// The first Galungan at least `days` after today in Bali that is no national holiday,
    /// nor are the days before and after it, so that only Galungan moves a task there, to
    /// the next day; nor are the days `free` later (days after the Galungan) any blackout
    /// of Bali's, with its plugin loaded. The daemon asks the plugin for the years around
    /// its own, which a Galungan within the next 210 days is always in.
    public static func galungan(atLeast days: Int, free: [Int] = []) -> LocalDate {
        let earliest = today(in: bali).adding(days: days)
        var day = knownGalungan
        while day > earliest { day = day.adding(days: -pawukonDays) }
        while day < earliest { day = day.adding(days: pawukonDays) }
        for _ in 0..<100 {
            let quiet = (-1...1).allSatisfy { !isNationalHoliday(day.adding(days: $0), in: bali) }
            if quiet && free.allSatisfy({ !isBlackoutInBaliWithItsPlugin(day.adding(days: $0)) }) { return day }
            day = day.adding(days: pawukonDays)
        }
        preconditionFailure("no Galungan in a hundred leaves \(free) free; a day after Galungan may be Kuningan")
    }

    /// A whole-day blackout in Bali to start a workflow on: the first shipped national
    /// holiday at least `days` after today in Bali whose next day and the days `free` later
    /// are no blackout (which, without plugins, only a national holiday is). Once the
    /// holiday data has none left ahead, a Galungan as `galungan(atLeast:free:)` picks it,
    /// a blackout only with the Bali plugin loaded, which recurs for ever.
    public static func blackoutInBali(atLeast days: Int, free: [Int] = []) -> BaliBlackout {
        let earliest = today(in: bali).adding(days: days)
        for offset in 0..<holidaySearchDays {
            let day = earliest.adding(days: offset)
            guard let holiday = nationalHoliday(day, in: bali) else { continue }
            if ([1] + free).allSatisfy({ !isNationalHoliday(day.adding(days: $0), in: bali) }) {
                return BaliBlackout(date: day, name: holiday, needsBaliPlugin: false)
            }
        }
        return BaliBlackout(date: galungan(atLeast: days, free: free), name: galunganName, needsBaliPlugin: true)
    }

    /// A day in Bali that is a blackout, what kaderd calls it in a task's history, and
    /// whether the daemon must load the Bali plugin for it to be one.
    public struct BaliBlackout: Sendable, Hashable {
        public let date: LocalDate
        public let name: String
        /// Galungan is a blackout only with the plugin; a national holiday is one always.
        public let needsBaliPlugin: Bool
    }

    /// The name of the shipped national holiday on `date`, nil when it is none.
    public static func nationalHoliday(_ date: LocalDate, in region: String) -> String? {
        BlackoutCalendar.national.blackouts(on: date, in: code(region)).first?.name
    }

    static func isNationalHoliday(_ date: LocalDate, in region: String) -> Bool {
        nationalHoliday(date, in: region) != nil
    }

    /// Whether a task may not open on `date` in Bali with the Bali plugin loaded: a national
    /// holiday, Galungan or Kuningan. Nyepi is left out: it is in the plugin's own table
    /// only (to 2032), and no Galungan's eve, next day or 22nd day after it is a Nyepi there.
    static func isBlackoutInBaliWithItsPlugin(_ date: LocalDate) -> Bool {
        if isNationalHoliday(date, in: bali) { return true }
        var galungan = knownGalungan
        while galungan > date { galungan = galungan.adding(days: -pawukonDays) }
        while galungan.adding(days: pawukonDays) <= date { galungan = galungan.adding(days: pawukonDays) }
        return date == galungan || date == galungan.adding(days: kuninganOffset)
    }

    static func code(_ region: String) -> RegionCode {
        guard let code = try? RegionCode(region) else { preconditionFailure("\(region) is not a region code") }
        return code
    }

    static func timeZone(of region: String) -> TimeZone {
        guard let zone = RegionDirectory.shared.timeZone(of: code(region)) else {
            preconditionFailure("no province has the region \(region)")
        }
        return zone
    }
}
