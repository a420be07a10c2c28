import Foundation

/// A day on the wall calendar of some place, with no time zone attached. Tasks are planned
/// in the village's local time: "5 January" stays 5 January whichever zone the daemon,
/// the database or the caller is in. Dates follow the proleptic Gregorian calendar, as
/// ISO 8601 and RFC 5545 do, and their text is ISO 8601 (`2026-01-05`).
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    /// 1 (January) to 12.
    public let month: Int
    /// 1 to the length of the month.
    public let day: Int

    /// A date from its numbers, refused when the day does not exist (30 February).
    public init(year: Int, month: Int, day: Int) throws(LocalTimeError) {
        let text = Self.text(year: year, month: month, day: day)
        guard (1...12).contains(month) else {
            throw LocalTimeError(text: text, expected: "local date", reason: "month \(month) is not 1 to 12")
        }
        let length = Self.numberOfDays(inMonth: month, year: year)
        guard (1...length).contains(day) else {
            throw LocalTimeError(
                text: text, expected: "local date",
                reason: "\(Self.monthNames[month - 1]) \(year) has \(length) days")
        }
        self.init(unchecked: year, month, day)
    }

    /// A date from ISO 8601 text, `YYYY-MM-DD` (years outside 0000–9999 with a sign:
    /// `+10000-01-01`).
    public init(parsing text: String) throws(LocalTimeError) {
        var scanner = LocalTimeScanner(text, expected: "local date", format: "YYYY-MM-DD, like 2026-01-05")
        let date = try scanner.scanDate()
        try scanner.expectEnd()
        self = date
    }

    /// The date on the wall calendar of `zone` at the instant `date`.
    public init(_ date: Date, in zone: TimeZone) {
        self = LocalDateTime(date, in: zone).date
    }

    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The first instant of this day in `zone`: midnight, or the end of the gap when a
    /// clock change skips midnight there.
    public func date(in zone: TimeZone) -> Date {
        LocalDateTime(date: self, secondOfDay: 0).date(in: zone)
    }

    public var weekday: Weekday {
        Weekday(rawValue: Self.floorMod(dayNumber + 3, 7) + 1)!
    }

    /// The date `days` days later (earlier, when negative).
    public func adding(days: Int) -> LocalDate {
        LocalDate(dayNumber: dayNumber + days)
    }

    /// The same day `months` months later (earlier, when negative), or the last day of that
    /// month when it is shorter: a deadline "one month after 31 January" is 28 February,
    /// not 3 March. (Recurrence rules skip such days instead, as RFC 5545 says.)
    public func adding(months: Int) -> LocalDate {
        let monthIndex = year * 12 + (month - 1) + months
        let newYear = Self.floorDiv(monthIndex, 12)
        let newMonth = Self.floorMod(monthIndex, 12) + 1
        let newDay = min(day, Self.numberOfDays(inMonth: newMonth, year: newYear))
        return LocalDate(unchecked: newYear, newMonth, newDay)
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        Self.text(year: year, month: month, day: day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try LocalDate(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

// MARK: - Calendar arithmetic

extension LocalDate {
    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    public static func numberOfDays(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func numberOfDays(inYear year: Int) -> Int {
        isLeapYear(year) ? 366 : 365
    }

    /// Days since 1970-01-01. Computed without Foundation's Calendar, which is slow enough
    /// to matter when a recurrence rule scans centuries of days.
    /// (Howard Hinnant's `days_from_civil`.)
    var dayNumber: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = Self.floorDiv(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01. (Howard Hinnant's `civil_from_days`.)
    init(dayNumber: Int) {
        let shifted = dayNumber + 719_468
        let era = Self.floorDiv(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(unchecked: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func floorDiv(_ value: Int, _ divisor: Int) -> Int {
        let quotient = value / divisor
        return (value % divisor < 0) ? quotient - 1 : quotient
    }

    static func floorMod(_ value: Int, _ divisor: Int) -> Int {
        let remainder = value % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }

    /// ISO 8601 text; years outside 0000–9999 in the expanded form, with a sign.
    static func text(year: Int, month: Int, day: Int) -> String {
        let yearText = (0...9999).contains(year)
            ? pad(year, 4)
            : (year < 0 ? "-" : "+") + pad(abs(year), 4)
        return "\(yearText)-\(pad(month, 2))-\(pad(day, 2))"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
