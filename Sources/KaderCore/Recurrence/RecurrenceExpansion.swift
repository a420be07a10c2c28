import Foundation

/// The occurrences of one rule from one start, computed the way RFC 5545 describes and
/// python-dateutil implements it: the rule's period (a day, a week, a month, a year)
/// steps by INTERVAL from the one holding the start; in each period the days passing the
/// BY parts are the candidates, BYSETPOS picks among them, and candidates before the
/// start are dropped. Days that do not exist (30 February) are never candidates, so a
/// rule skips them rather than moving them.
///
/// Like dateutil, the first weekly period runs from the start to the end of its week, so
/// BYSETPOS counts only the days from the start on in that week.
///
/// A rule may match rarely or never (`FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30`). The
/// Gregorian calendar repeats every 400 years, so once the periods of one whole cycle
/// have all been empty every later one is too, and the search stops there; it also
/// stops after the year 9999, as dateutil does.
struct RecurrenceExpansion {
    private let rule: RecurrenceRule
    private let start: LocalDateTime
    private let zone: TimeZone
    private let filter: RecurrenceDayFilter
    private let bound: Bound

    /// UNTIL, resolved once: a date and a local time compare on the wall clock, a UTC
    /// time as an instant.
    private enum Bound {
        case none
        case day(LocalDate)
        case wallClock(LocalDateTime)
        case instant(Date)
    }

    init(rule: RecurrenceRule, start: LocalDateTime, zone: TimeZone) {
        self.rule = rule
        self.start = start
        self.zone = zone
        filter = RecurrenceDayFilter(rule: rule, start: start.date)
        bound = switch rule.end {
        case nil, .count: .none
        case .untilDate(let date): .day(date)
        case .untilLocal(let time): .wallClock(time)
        case .untilUTC(let time): .instant(time.date(in: TimeZone(secondsFromGMT: 0)!))
        }
    }

    func occurrences(limit: Int) -> [LocalDateTime] {
        var wanted = limit
        if case .count(let count) = rule.end { wanted = min(wanted, count) }
        var result: [LocalDateTime] = []
        guard wanted > 0 else { return result }
        let cycle = periodsPerCycle
        var emptyPeriodsInARow = 0
        var period = 0
        while let days = days(ofPeriod: period) {
            let candidates = chosen(from: filter.matchingDays(in: days))
            if !candidates.isEmpty {
                emptyPeriodsInARow = 0
            } else if period > 0 {
                // The first period may be cut short by the start, so it does not count.
                emptyPeriodsInARow += 1
                if emptyPeriodsInARow >= cycle { break }
            }
            for day in candidates {
                let occurrence = LocalDateTime(date: day, secondOfDay: start.secondOfDay)
                if isBeyondUntil(occurrence) { return result }
                guard occurrence >= start else { continue }
                result.append(occurrence)
                if result.count == wanted { return result }
            }
            period += 1
        }
        return result
    }

    /// The day numbers of the `period`th period after the one holding the start, or nil
    /// once it begins after the last day dateutil (and ISO 8601's four-digit year) reach.
    private func days(ofPeriod period: Int) -> ClosedRange<Int>? {
        let (step, overflow) = period.multipliedReportingOverflow(by: rule.interval)
        guard !overflow else { return nil }
        let startDay = start.date.dayNumber
        let first: Int
        let last: Int
        switch rule.frequency {
        case .daily:
            guard step <= Self.lastDay - startDay else { return nil }
            first = startDay + step
            last = first
        case .weekly:
            let weekStartDay = startDay - start.date.weekday.days(after: rule.weekStart)
            guard step <= (Self.lastDay - weekStartDay) / 7 else { return nil }
            first = period == 0 ? startDay : weekStartDay + 7 * step
            last = weekStartDay + 7 * step + 6
        case .monthly:
            let startMonth = start.date.year * 12 + start.date.month - 1
            guard step <= 9999 * 12 + 11 - startMonth else { return nil }
            let year = LocalDate.floorDiv(startMonth + step, 12)
            let month = LocalDate.floorMod(startMonth + step, 12) + 1
            first = LocalDate(unchecked: year, month, 1).dayNumber
            last = first + LocalDate.numberOfDays(inMonth: month, year: year) - 1
        case .yearly:
            guard step <= 9999 - start.date.year else { return nil }
            let year = start.date.year + step
            first = LocalDate(unchecked: year, 1, 1).dayNumber
            last = first + LocalDate.numberOfDays(inYear: year) - 1
        }
        return first <= Self.lastDay ? first...min(last, Self.lastDay) : nil
    }

    /// How many periods it takes the calendar to come back to the same days: 400 years'
    /// worth, fewer when INTERVAL shares a factor with it.
    private var periodsPerCycle: Int {
        let periodsIn400Years = switch rule.frequency {
        case .daily: 146_097
        case .weekly: 20_871
        case .monthly: 4_800
        case .yearly: 400
        }
        return periodsIn400Years / Self.greatestCommonDivisor(periodsIn400Years, rule.interval)
    }

    /// BYSETPOS: the candidates at the given positions (from the end when negative),
    /// each once, in time order.
    private func chosen(from candidates: [LocalDate]) -> [LocalDate] {
        guard !rule.bySetPosition.isEmpty else { return candidates }
        let picked = Set(rule.bySetPosition.compactMap { position in
            let index = position > 0 ? position - 1 : candidates.count + position
            return candidates.indices.contains(index) ? index : nil
        })
        return picked.sorted().map { candidates[$0] }
    }

    private func isBeyondUntil(_ occurrence: LocalDateTime) -> Bool {
        switch bound {
        case .none: false
        case .day(let date): occurrence.date > date
        case .wallClock(let time): occurrence > time
        case .instant(let instant): occurrence.date(in: zone) > instant
        }
    }

    private static let lastDay = LocalDate(unchecked: 9999, 12, 31).dayNumber

    private static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
        b == 0 ? a : greatestCommonDivisor(b, a % b)
    }
}
