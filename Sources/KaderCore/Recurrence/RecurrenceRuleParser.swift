import Foundation

/// Reads RFC 5545 RRULE text into a `RecurrenceRule`. Syntax is checked here, part by part
/// in the order written, so the first error reported is the first one in the text; what
/// the values mean together is checked by `RecurrenceRule.init`.
struct RecurrenceRuleParser {
    private let text: String

    init(_ text: String) {
        self.text = text
    }

    func parse() throws(RecurrenceRuleError) -> RecurrenceRule {
        var body = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if body.uppercased().hasPrefix("RRULE:") {
            body = body.dropFirst("RRULE:".count)
        }
        guard !body.isEmpty else { throw .missingFrequency }

        var seen: Set<String> = []
        var frequency: RecurrenceFrequency?
        var interval = 1
        var end: RecurrenceEnd?
        var byMonth: [Int] = []
        var byMonthDay: [Int] = []
        var byDay: [RecurrenceWeekday] = []
        var bySetPosition: [Int] = []
        var weekStart = Weekday.monday

        for part in body.split(separator: ";", omittingEmptySubsequences: false) {
            guard !part.isEmpty else { throw .emptyPart }
            guard let equals = part.firstIndex(of: "=") else { throw .malformedPart(String(part)) }
            let name = part[..<equals].uppercased()
            let value = part[part.index(after: equals)...].uppercased()
            guard Self.parts.contains(name) else {
                throw Self.unsupportedParts.contains(name) ? .unsupportedPart(name) : .unknownPart(name)
            }
            guard seen.insert(name).inserted else { throw .duplicatePart(name) }
            if (name == "COUNT" && seen.contains("UNTIL")) || (name == "UNTIL" && seen.contains("COUNT")) {
                throw .countWithUntil
            }
            switch name {
            case "FREQ": frequency = try Self.frequency(value)
            case "INTERVAL": interval = try Self.number(value, part: name, signed: false, expected: "a whole number of 1 or more")
            case "COUNT": end = .count(try Self.number(value, part: name, signed: false, expected: "a whole number of 1 or more"))
            case "UNTIL": end = try Self.until(value)
            case "BYMONTH": byMonth = try Self.numbers(value, part: name, signed: false, expected: "months 1 to 12")
            case "BYMONTHDAY":
                byMonthDay = try Self.numbers(
                    value, part: name, signed: true,
                    expected: "days of the month, 1 to 31, or -1 to -31 counting from the end")
            case "BYDAY": byDay = try Self.weekdays(value)
            case "BYSETPOS":
                bySetPosition = try Self.numbers(
                    value, part: name, signed: true,
                    expected: "positions 1 to 366, or -1 to -366 counting from the end")
            default: weekStart = try Self.weekStart(value)
            }
        }
        guard let frequency else { throw .missingFrequency }
        return try RecurrenceRule(
            frequency: frequency, interval: interval, end: end, byMonth: byMonth, byMonthDay: byMonthDay,
            byDay: byDay, bySetPosition: bySetPosition, weekStart: weekStart)
    }

    private static let parts: Set = [
        "FREQ", "INTERVAL", "COUNT", "UNTIL", "BYMONTH", "BYMONTHDAY", "BYDAY", "BYSETPOS", "WKST",
    ]
    private static let unsupportedParts: Set = ["BYHOUR", "BYMINUTE", "BYSECOND", "BYYEARDAY", "BYWEEKNO"]

    private static func frequency(_ value: String) throws(RecurrenceRuleError) -> RecurrenceFrequency {
        if let frequency = RecurrenceFrequency(rawValue: value) { return frequency }
        if ["HOURLY", "MINUTELY", "SECONDLY"].contains(value) { throw .unsupportedFrequency(value) }
        throw .invalidValue(part: "FREQ", value: value, reason: "expected DAILY, WEEKLY, MONTHLY or YEARLY")
    }

    /// Digits, with a leading sign where RFC 5545 allows one. Values too long for any
    /// calendar are refused here rather than overflowing.
    private static func number(
        _ text: some StringProtocol, part: String, signed: Bool, expected: String
    ) throws(RecurrenceRuleError) -> Int {
        var digits = Substring(text)
        var sign = 1
        if signed, let first = digits.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let magnitude = Int(digits)
        else {
            throw .invalidValue(part: part, value: String(text), reason: "expected \(expected)")
        }
        return sign * magnitude
    }

    private static func numbers(
        _ value: String, part: String, signed: Bool, expected: String
    ) throws(RecurrenceRuleError) -> [Int] {
        var result: [Int] = []
        for item in value.split(separator: ",", omittingEmptySubsequences: false) {
            result.append(try number(item, part: part, signed: signed, expected: expected))
        }
        return result
    }

    private static func weekdays(_ value: String) throws(RecurrenceRuleError) -> [RecurrenceWeekday] {
        var result: [RecurrenceWeekday] = []
        for item in value.split(separator: ",", omittingEmptySubsequences: false) {
            guard item.count >= 2, let weekday = RecurrenceWeekday.weekday(code: item.suffix(2)) else {
                throw .invalidValue(
                    part: "BYDAY", value: String(item),
                    reason: "expected a weekday MO, TU, WE, TH, FR, SA or SU, optionally numbered (1TU, -1FR)")
            }
            let prefix = item.dropLast(2)
            let ordinal = prefix.isEmpty
                ? nil
                : try number(
                    prefix, part: "BYDAY", signed: true,
                    expected: "a weekday's number, 1 to 53 or -1 to -53, before its code (1TU, -1FR)")
            result.append(RecurrenceWeekday(weekday, ordinal: ordinal))
        }
        return result
    }

    private static func weekStart(_ value: String) throws(RecurrenceRuleError) -> Weekday {
        guard let weekday = RecurrenceWeekday.weekday(code: value) else {
            throw .invalidValue(part: "WKST", value: value, reason: "expected a weekday: MO, TU, WE, TH, FR, SA or SU")
        }
        return weekday
    }

    /// A date (`20260630`), a local date-time (`20260630T170000`) or a UTC one (`…Z`).
    private static func until(_ value: String) throws(RecurrenceRuleError) -> RecurrenceEnd {
        let expected = "expected a date (20260630), a local date-time (20260630T170000) or a UTC date-time (20260630T100000Z)"
        let characters = Array(value)
        func digits(_ range: Range<Int>) throws(RecurrenceRuleError) -> Int {
            let slice = characters[range]
            guard slice.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(String(slice)) else {
                throw .invalidValue(part: "UNTIL", value: value, reason: expected)
            }
            return number
        }
        let isUTC = characters.count == 16 && characters[15] == "Z"
        guard characters.count == 8 || ((characters.count == 15 || isUTC) && characters[8] == "T") else {
            throw .invalidValue(part: "UNTIL", value: value, reason: expected)
        }
        let (year, month, day) = (try digits(0..<4), try digits(4..<6), try digits(6..<8))
        let time = characters.count > 8
            ? (hour: try digits(9..<11), minute: try digits(11..<13), second: try digits(13..<15))
            : nil
        do {
            let date = try LocalDate(year: year, month: month, day: day)
            guard let time else { return .untilDate(date) }
            let dateTime = try LocalDateTime(date: date, hour: time.hour, minute: time.minute, second: time.second)
            return isUTC ? .untilUTC(dateTime) : .untilLocal(dateTime)
        } catch {
            throw .invalidValue(part: "UNTIL", value: value, reason: error.reason)
        }
    }
}
