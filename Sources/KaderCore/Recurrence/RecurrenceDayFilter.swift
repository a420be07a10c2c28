/// Which days pass a rule's BY parts. Where a rule names no days, RFC 5545 takes them
/// from the start: a monthly rule from 31 January recurs on the 31st (and so skips
/// shorter months), a yearly one on 31 January, a weekly one on the start's weekday.
///
/// The sets are bit masks, because a rule that rarely matches is tested against every
/// day of four centuries before the search gives up.
struct RecurrenceDayFilter {
    /// Bit n for month n; 0 lets every month pass.
    private let months: UInt16
    /// Bit n for the weekday with raw value n; 0 lets every weekday pass.
    private let weekdays: UInt8
    /// Bit n for day n of the month, and for the nth day from its end.
    private let monthDaysFromStart: UInt32
    private let monthDaysFromEnd: UInt32
    /// Per weekday (by raw value), bit n for its nth occurrence in the month or year,
    /// counted from the start or from the end.
    private let numberedFromStart: [UInt64]
    private let numberedFromEnd: [UInt64]
    private let hasNumberedWeekdays: Bool
    /// Weekdays are numbered within the year for a yearly rule without BYMONTH, else
    /// within the month.
    private let numbersWithinYear: Bool

    init(rule: RecurrenceRule, start: LocalDate) {
        let namesDays = !rule.byDay.isEmpty || !rule.byMonthDay.isEmpty
        var months = rule.byMonth
        var monthDays = rule.byMonthDay
        var plainWeekdays = rule.byDay.filter { $0.ordinal == nil }.map(\.weekday)
        if !namesDays {
            switch rule.frequency {
            case .daily: break
            case .weekly: plainWeekdays = [start.weekday]
            case .monthly: monthDays = [start.day]
            case .yearly:
                if months.isEmpty { months = [start.month] }
                monthDays = [start.day]
            }
        }
        self.months = months.reduce(0) { $0 | 1 << $1 }
        weekdays = plainWeekdays.reduce(0) { $0 | 1 << $1.rawValue }
        monthDaysFromStart = monthDays.filter { $0 > 0 }.reduce(0) { $0 | 1 << $1 }
        monthDaysFromEnd = monthDays.filter { $0 < 0 }.reduce(0) { $0 | 1 << -$1 }
        var fromStart = [UInt64](repeating: 0, count: 8)
        var fromEnd = [UInt64](repeating: 0, count: 8)
        for entry in rule.byDay {
            guard let ordinal = entry.ordinal else { continue }
            if ordinal > 0 {
                fromStart[entry.weekday.rawValue] |= 1 << ordinal
            } else {
                fromEnd[entry.weekday.rawValue] |= 1 << -ordinal
            }
        }
        numberedFromStart = fromStart
        numberedFromEnd = fromEnd
        hasNumberedWeekdays = rule.byDay.contains { $0.ordinal != nil }
        numbersWithinYear = rule.frequency == .yearly && rule.byMonth.isEmpty
    }

    /// The days among `days` (day numbers) that pass, in order.
    func matchingDays(in days: ClosedRange<Int>) -> [LocalDate] {
        var result: [LocalDate] = []
        var date = LocalDate(dayNumber: days.lowerBound)
        var weekday = date.weekday
        var dayOfYear = date.dayNumber - LocalDate(unchecked: date.year, 1, 1).dayNumber + 1
        for _ in days {
            if matches(date, weekday: weekday, dayOfYear: dayOfYear) { result.append(date) }
            weekday = weekday.advanced(by: 1)
            if date.day < LocalDate.numberOfDays(inMonth: date.month, year: date.year) {
                date = LocalDate(unchecked: date.year, date.month, date.day + 1)
                dayOfYear += 1
            } else if date.month < 12 {
                date = LocalDate(unchecked: date.year, date.month + 1, 1)
                dayOfYear += 1
            } else {
                date = LocalDate(unchecked: date.year + 1, 1, 1)
                dayOfYear = 1
            }
        }
        return result
    }

    private func matches(_ date: LocalDate, weekday: Weekday, dayOfYear: Int) -> Bool {
        if months != 0, months & 1 << date.month == 0 { return false }
        if weekdays != 0, weekdays & 1 << weekday.rawValue == 0 { return false }
        let monthLength = LocalDate.numberOfDays(inMonth: date.month, year: date.year)
        if hasNumberedWeekdays {
            let (index, length) = numbersWithinYear
                ? (dayOfYear, LocalDate.numberOfDays(inYear: date.year))
                : (date.day, monthLength)
            let fromStart = (index - 1) / 7 + 1
            let fromEnd = (length - index) / 7 + 1
            guard numberedFromStart[weekday.rawValue] & 1 << fromStart != 0
                || numberedFromEnd[weekday.rawValue] & 1 << fromEnd != 0
            else { return false }
        }
        if monthDaysFromStart != 0 || monthDaysFromEnd != 0 {
            guard monthDaysFromStart & 1 << date.day != 0
                || monthDaysFromEnd & 1 << (monthLength - date.day + 1) != 0
            else { return false }
        }
        return true
    }
}
