/// One entry of a rule's `BYDAY`: a weekday, optionally numbered within the month or year
/// (`1TU` is the first Tuesday, `-1FR` the last Friday, `MO` every Monday).
public struct RecurrenceWeekday: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let weekday: Weekday
    /// 1 to 53 counts from the start of the month or year, -1 to -53 from its end;
    /// nil means every such weekday.
    public let ordinal: Int?

    public init(_ weekday: Weekday, ordinal: Int? = nil) {
        self.weekday = weekday
        self.ordinal = ordinal
    }

    /// The RFC 5545 two-letter code (`MO`…`SU`).
    static func code(of weekday: Weekday) -> String {
        codes[weekday.rawValue - 1]
    }

    /// The weekday an RFC 5545 two-letter code names, if any.
    static func weekday(code: some StringProtocol) -> Weekday? {
        codes.firstIndex { $0 == code }.flatMap { Weekday(rawValue: $0 + 1) }
    }

    public static func < (lhs: RecurrenceWeekday, rhs: RecurrenceWeekday) -> Bool {
        (lhs.weekday.rawValue, lhs.ordinal ?? 0) < (rhs.weekday.rawValue, rhs.ordinal ?? 0)
    }

    public var description: String {
        (ordinal.map(String.init) ?? "") + Self.code(of: weekday)
    }

    private static let codes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
}
