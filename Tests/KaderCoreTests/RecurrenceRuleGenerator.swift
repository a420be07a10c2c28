import KaderCore

/// Recurrence rules to compare with dateutil: every frequency with every combination of
/// BYMONTH, BYMONTHDAY, BYDAY and BYSETPOS, and every way to end (none, COUNT, UNTIL as a
/// date, a local date-time or a UTC one), with random values, INTERVAL and WKST, starting
/// in 2024–2031 at month ends, leap days and odd times. The same seed gives the same rules.
///
/// Rules that can never match are left out here (one test has a few on purpose): dateutil
/// searches up to the year 9999 for them, which takes it seconds each.
struct RecurrenceRuleGenerator {
    struct Sample {
        /// The rule as a user might write it: parts in any order, any letter case.
        let text: String
        /// The same rule for dateutil, which reads a date UNTIL as the midnight starting
        /// that day; kaderd includes the whole day, so it is given as its last second.
        let referenceText: String
        let start: LocalDateTime
    }

    private enum Ending: CaseIterable {
        case none, count, untilDate, untilLocal, untilUTC
    }

    private var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(state: seed)
    }

    /// `perShape` rules for each valid combination of frequency, BY parts and ending.
    mutating func samples(perShape: Int) -> [Sample] {
        var samples: [Sample] = []
        for frequency in RecurrenceFrequency.allCases {
            for shape in 0..<16 {
                let parts = (month: shape & 1 != 0, monthDay: shape & 2 != 0, day: shape & 4 != 0, setPosition: shape & 8 != 0)
                if parts.setPosition, !parts.month, !parts.monthDay, !parts.day { continue }
                if frequency == .weekly, parts.monthDay { continue }
                for ending in Ending.allCases {
                    for _ in 0..<perShape {
                        samples.append(sample(frequency, parts, ending))
                    }
                }
            }
        }
        return samples
    }

    /// One part of a rule, and its spelling for dateutil when that differs.
    private struct Part {
        let name: String
        let value: String
        var referenceValue: String?
    }

    private mutating func sample(
        _ frequency: RecurrenceFrequency,
        _ parts: (month: Bool, monthDay: Bool, day: Bool, setPosition: Bool),
        _ ending: Ending
    ) -> Sample {
        while true {
            let start = randomStart()
            var rule = [Part(name: "FREQ", value: frequency.rawValue)]
            switch int(0..<20) {
            case 0..<8: break
            case 8..<11: rule.append(Part(name: "INTERVAL", value: "1"))
            case 11..<19: rule.append(Part(name: "INTERVAL", value: String(int(2..<5))))
            default: rule.append(Part(name: "INTERVAL", value: String(int(5..<14))))
            }
            let months = parts.month ? pick(from: Array(1...12), count: int(1..<4)) : []
            if parts.month { rule.append(Part(name: "BYMONTH", value: list(months))) }
            let withinYear = frequency == .yearly && !parts.month
            var firstOrdinal: Int?
            if parts.day {
                let numbered = (frequency == .monthly || frequency == .yearly) && bool()
                let weekdays = pick(from: Array(Weekday.allCases), count: numbered ? int(1..<3) : int(1..<4))
                let entries = weekdays.map { weekday -> String in
                    guard numbered else { return code(weekday) }
                    let number = ordinal(withinYear: withinYear, withMonthDays: parts.monthDay)
                    firstOrdinal = firstOrdinal ?? number
                    return (number > 0 && bool() ? "+" : "") + String(number) + code(weekday)
                }
                rule.append(Part(name: "BYDAY", value: entries.joined(separator: ",")))
            }
            var monthDays: [Int] = []
            if parts.monthDay {
                monthDays = if let firstOrdinal {
                    [dayInWindow(of: firstOrdinal, withinYear: withinYear)] + (bool() ? [monthDay()] : [])
                } else {
                    (0..<int(1..<4)).map { _ in monthDay() }
                }
                let value = monthDays.map { ($0 > 0 && int(0..<5) == 0 ? "+" : "") + String($0) }
                rule.append(Part(name: "BYMONTHDAY", value: value.joined(separator: ",")))
            }
            if parts.setPosition {
                let positions = [bool() ? 1 : -1] + (bool() ? [[2, 3, -2, 4, 7][int(0..<5)]] : [])
                rule.append(Part(name: "BYSETPOS", value: list(positions)))
            }
            if int(0..<3) == 0 { rule.append(Part(name: "WKST", value: code(Weekday.allCases[int(0..<7)]))) }
            switch ending {
            case .none: break
            case .count: rule.append(Part(name: "COUNT", value: String(int(1..<41))))
            case .untilDate, .untilLocal, .untilUTC:
                let until = randomUntil(after: start, frequency: frequency)
                let date = until.description.prefix(10).replacingOccurrences(of: "-", with: "")
                let time = until.description.suffix(8).replacingOccurrences(of: ":", with: "")
                let part = switch ending {
                case .untilDate: Part(name: "UNTIL", value: date, referenceValue: date + "T235959")
                case .untilLocal: Part(name: "UNTIL", value: date + "T" + time)
                default: Part(name: "UNTIL", value: date + "T" + time + "Z")
                }
                rule.append(part)
            }
            guard canMatch(frequency, start: start, months: months, monthDays: monthDays, namesDays: parts.day || parts.monthDay)
            else { continue }
            rule.shuffle(using: &random)
            let prefix = int(0..<3) == 0 ? "RRULE:" : ""
            let text = prefix + rule.map { "\($0.name)=\($0.value)" }.joined(separator: ";")
            let referenceText = prefix + rule.map { "\($0.name)=\($0.referenceValue ?? $0.value)" }.joined(separator: ";")
            return Sample(text: int(0..<8) == 0 ? text.lowercased() : text, referenceText: referenceText, start: start)
        }
    }

    /// Whether some day of some year passes BYMONTH and BYMONTHDAY (or the start's month
    /// and day, which RFC 5545 uses when the rule names no days).
    private func canMatch(
        _ frequency: RecurrenceFrequency, start: LocalDateTime, months: [Int], monthDays: [Int], namesDays: Bool
    ) -> Bool {
        var months = months
        var monthDays = monthDays
        if !namesDays, frequency == .monthly || frequency == .yearly {
            monthDays = [start.date.day]
            if frequency == .yearly, months.isEmpty { months = [start.date.month] }
        }
        if months.isEmpty { months = Array(1...12) }
        guard !monthDays.isEmpty else { return true }
        let longest = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return months.contains { month in monthDays.contains { abs($0) <= longest[month - 1] } }
    }

    /// A weekday's number: within a month at most five, within a year up to 53. With
    /// BYMONTHDAY too, one whose days `dayInWindow` can name.
    private mutating func ordinal(withinYear: Bool, withMonthDays: Bool) -> Int {
        if withMonthDays { return [1, 2, 3, -1, -2][int(0..<5)] }
        return withinYear
            ? [1, 2, 3, 10, 20, 26, 52, 53, -1, -2, -10, -53][int(0..<12)]
            : [1, 2, 3, 4, 5, -1, -2, -5][int(0..<8)]
    }

    /// A day of the month on which the `ordinal`th weekday can fall, in every month and
    /// in leap and common years alike: within the year, the first weeks of January or
    /// the last weeks of December.
    private mutating func dayInWindow(of ordinal: Int, withinYear: Bool) -> Int {
        let offset = withinYear ? int(1..<6) : int(0..<7)
        return ordinal > 0 ? (ordinal - 1) * 7 + 1 + offset : -((-ordinal - 1) * 7 + 1 + offset)
    }

    private mutating func monthDay() -> Int {
        switch int(0..<4) {
        case 0: [28, 29, 30, 31, -1, -2, 1][int(0..<7)]
        case 1: -int(1..<32)
        default: int(1..<32)
        }
    }

    private mutating func randomStart() -> LocalDateTime {
        let year = int(2024..<2032)
        let month = int(1..<13)
        let length = LocalDate.numberOfDays(inMonth: month, year: year)
        let date: LocalDate
        switch int(0..<10) {
        case 0..<4: date = try! LocalDate(year: year, month: month, day: length - int(0..<3))
        case 4: date = try! LocalDate(year: [2024, 2028][int(0..<2)], month: 2, day: 29)
        default: date = try! LocalDate(year: year, month: month, day: int(1..<(length + 1)))
        }
        let (hour, minute, second) = switch int(0..<10) {
        case 0..<3: (9, 0, 0)
        case 3: (0, 0, 0)
        case 4: (23, 59, 59)
        default: (int(0..<24), int(0..<60), int(0..<60))
        }
        return try! LocalDateTime(date: date, hour: hour, minute: minute, second: second)
    }

    /// A bound a few periods after the start; sometimes at the start's time of day, so
    /// that an occurrence falls exactly on it.
    private mutating func randomUntil(after start: LocalDateTime, frequency: RecurrenceFrequency) -> LocalDateTime {
        let span = switch frequency {
        case .daily: 60
        case .weekly: 300
        case .monthly: 900
        case .yearly: 4000
        }
        let date = start.date.adding(days: int(0..<span))
        return bool()
            ? try! LocalDateTime(date: date, hour: start.hour, minute: start.minute, second: start.second)
            : try! LocalDateTime(date: date, hour: int(0..<24), minute: int(0..<60), second: int(0..<60))
    }

    private func code(_ weekday: Weekday) -> String {
        ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][weekday.rawValue - 1]
    }

    private func list(_ values: [Int]) -> String {
        values.map(String.init).joined(separator: ",")
    }

    private mutating func pick<T>(from values: [T], count: Int) -> [T] {
        Array(values.shuffled(using: &random).prefix(count))
    }

    private mutating func int(_ range: Range<Int>) -> Int {
        Int.random(in: range, using: &random)
    }

    private mutating func bool() -> Bool {
        Bool.random(using: &random)
    }

    /// A small, fast, seedable generator (SplitMix64), so a failing rule can be reproduced.
    private struct SplitMix64: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }
}
