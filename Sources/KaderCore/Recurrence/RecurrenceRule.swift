import Foundation

/// How a recurring step (a mentoring visit every few weeks) expands into tasks: an RFC 5545
/// recurrence rule, such as `FREQ=MONTHLY;BYDAY=1TU;COUNT=6` (the first Tuesday of the
/// month, six times).
///
/// The parts are those that name days: FREQ (DAILY to YEARLY), INTERVAL, COUNT, UNTIL,
/// BYMONTH, BYMONTHDAY, BYDAY, BYSETPOS and WKST; every occurrence keeps the start's time
/// of day. Anything else is refused, never ignored. Expansion follows RFC 5545 as
/// python-dateutil implements it, which the tests check it against.
///
/// The lists are kept sorted and without repeats, so two rules that mean the same are
/// equal and print the same.
public struct RecurrenceRule: Sendable, Hashable, CustomStringConvertible, Codable {
    public let frequency: RecurrenceFrequency
    /// Every how many periods (days, weeks, months, years) the rule applies; at least 1.
    public let interval: Int
    /// nil: the rule never ends by itself.
    public let end: RecurrenceEnd?
    public let byMonth: [Int]
    public let byMonthDay: [Int]
    public let byDay: [RecurrenceWeekday]
    public let bySetPosition: [Int]
    /// The first day of the week, which decides which days share a week with `INTERVAL`.
    public let weekStart: Weekday

    /// A rule from its parts, refused with the part at fault when RFC 5545 forbids the
    /// combination or the values can never mean anything.
    public init(
        frequency: RecurrenceFrequency,
        interval: Int = 1,
        end: RecurrenceEnd? = nil,
        byMonth: [Int] = [],
        byMonthDay: [Int] = [],
        byDay: [RecurrenceWeekday] = [],
        bySetPosition: [Int] = [],
        weekStart: Weekday = .monday
    ) throws(RecurrenceRuleError) {
        try Self.check(interval, part: "INTERVAL", in: 1...Int.max, expected: "a whole number of 1 or more")
        if case .count(let count) = end {
            try Self.check(count, part: "COUNT", in: 1...Int.max, expected: "a whole number of 1 or more")
        }
        for month in byMonth {
            try Self.check(month, part: "BYMONTH", in: 1...12, expected: "months 1 to 12")
        }
        for day in byMonthDay {
            try Self.check(
                day, part: "BYMONTHDAY", in: -31...31, nonZero: true,
                expected: "days of the month, 1 to 31, or -1 to -31 counting from the end")
        }
        for position in bySetPosition {
            try Self.check(
                position, part: "BYSETPOS", in: -366...366, nonZero: true,
                expected: "positions 1 to 366, or -1 to -366 counting from the end")
        }
        try Self.checkByDay(byDay, frequency: frequency, withinMonths: frequency == .monthly || !byMonth.isEmpty)
        if frequency == .weekly, !byMonthDay.isEmpty {
            throw .conflict(
                part: "BYMONTHDAY",
                reason: "cannot be used with FREQ=WEEKLY (RFC 5545): use FREQ=MONTHLY, or name weekdays with BYDAY")
        }
        if !bySetPosition.isEmpty, byMonth.isEmpty, byMonthDay.isEmpty, byDay.isEmpty {
            throw .conflict(
                part: "BYSETPOS",
                reason: "needs BYDAY, BYMONTHDAY or BYMONTH to choose from (RFC 5545)")
        }
        self.frequency = frequency
        self.interval = interval
        self.end = end
        self.byMonth = Set(byMonth).sorted()
        self.byMonthDay = Set(byMonthDay).sorted(by: Self.fromTheStartFirst)
        self.byDay = Set(byDay).sorted()
        self.bySetPosition = Set(bySetPosition).sorted(by: Self.fromTheStartFirst)
        self.weekStart = weekStart
    }

    /// A rule from its RFC 5545 text, `FREQ=MONTHLY;BYDAY=1TU;COUNT=6`, with or without a
    /// leading `RRULE:`; names and values in any letter case.
    public init(parsing text: String) throws(RecurrenceRuleError) {
        self = try RecurrenceRuleParser(text).parse()
    }

    /// The canonical text: parts in a fixed order, defaults (INTERVAL=1, WKST=MO) left out.
    public var description: String {
        var parts = ["FREQ=\(frequency.rawValue)"]
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        if !byMonth.isEmpty { parts.append("BYMONTH=" + Self.list(byMonth)) }
        if !byMonthDay.isEmpty { parts.append("BYMONTHDAY=" + Self.list(byMonthDay)) }
        if !byDay.isEmpty { parts.append("BYDAY=" + Self.list(byDay)) }
        if !bySetPosition.isEmpty { parts.append("BYSETPOS=" + Self.list(bySetPosition)) }
        if weekStart != .monday { parts.append("WKST=" + RecurrenceWeekday.code(of: weekStart)) }
        switch end {
        case nil: break
        case .count(let count): parts.append("COUNT=\(count)")
        case .untilDate(let date): parts.append("UNTIL=" + Self.basicText(date))
        case .untilLocal(let time): parts.append("UNTIL=" + Self.basicText(time))
        case .untilUTC(let time): parts.append("UNTIL=" + Self.basicText(time) + "Z")
        }
        return parts.joined(separator: ";")
    }

    /// The occurrences from `start` on, as instants in `zone`: at most `limit`, fewer
    /// when the rule ends first. `start` is the first occurrence when it matches the rule.
    public func occurrences(from start: LocalDateTime, in zone: TimeZone, limit: Int) -> [Date] {
        localOccurrences(from: start, in: zone, limit: limit).map { $0.date(in: zone) }
    }

    /// The occurrences from `start` on, as wall-clock times in `zone` (which is needed
    /// only to compare them with a UTC `UNTIL`).
    public func localOccurrences(from start: LocalDateTime, in zone: TimeZone, limit: Int) -> [LocalDateTime] {
        RecurrenceExpansion(rule: self, start: start, zone: zone).occurrences(limit: limit)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try RecurrenceRule(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

// MARK: - Checks and text

extension RecurrenceRule {
    private static func check(
        _ value: Int, part: String, in range: ClosedRange<Int>, nonZero: Bool = false, expected: String
    ) throws(RecurrenceRuleError) {
        guard range.contains(value), !(nonZero && value == 0) else {
            throw .invalidValue(part: part, value: String(value), reason: "expected \(expected)")
        }
    }

    /// Numbered weekdays only mean something within a month or a year (RFC 5545), and a
    /// month has at most five of each weekday.
    private static func checkByDay(
        _ byDay: [RecurrenceWeekday], frequency: RecurrenceFrequency, withinMonths: Bool
    ) throws(RecurrenceRuleError) {
        for entry in byDay {
            guard let ordinal = entry.ordinal else { continue }
            guard (-53...53).contains(ordinal), ordinal != 0 else {
                throw .invalidValue(
                    part: "BYDAY", value: entry.description,
                    reason: "a weekday's number is 1 to 53, or -1 to -53 counting from the end")
            }
            guard frequency == .monthly || frequency == .yearly else {
                throw .conflict(
                    part: "BYDAY",
                    reason: "numbers weekdays (\(entry)), which RFC 5545 allows only with FREQ=MONTHLY or FREQ=YEARLY: "
                        + "with FREQ=\(frequency.rawValue) write the weekday alone (\(RecurrenceWeekday.code(of: entry.weekday)))")
            }
            if withinMonths, abs(ordinal) > 5 {
                throw .conflict(
                    part: "BYDAY",
                    reason: "\(entry) can never match: weekdays are numbered within the month here, and a month has at most five of each")
            }
        }
        if byDay.contains(where: { $0.ordinal == nil }), byDay.contains(where: { $0.ordinal != nil }) {
            throw .conflict(
                part: "BYDAY",
                reason: "mixes numbered and plain weekdays (\(list(byDay))), which calendar software reads in different ways: "
                    + "number all of them or none")
        }
    }

    /// 1, 2, …, then -31, …, -1: the order a reader counts in.
    private static func fromTheStartFirst(_ lhs: Int, _ rhs: Int) -> Bool {
        (lhs < 0 ? 1 : 0, lhs) < (rhs < 0 ? 1 : 0, rhs)
    }

    private static func list(_ values: [some CustomStringConvertible]) -> String {
        values.map(\.description).joined(separator: ",")
    }

    /// RFC 5545's basic ISO 8601 form: `20260630`.
    private static func basicText(_ date: LocalDate) -> String {
        LocalDate.pad(date.year, 4) + LocalDate.pad(date.month, 2) + LocalDate.pad(date.day, 2)
    }

    /// `20260630T170000`.
    private static func basicText(_ time: LocalDateTime) -> String {
        basicText(time.date) + "T" + [time.hour, time.minute, time.second].map { LocalDate.pad($0, 2) }.joined()
    }
}
