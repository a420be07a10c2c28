/// A day of the week, numbered as ISO 8601 does (Monday is 1), because that is how
/// Indonesian calendars and RFC 5545's default week start count.
public enum Weekday: Int, Sendable, Hashable, CaseIterable, Codable {
    case monday = 1
    case tuesday
    case wednesday
    case thursday
    case friday
    case saturday
    case sunday

    /// The weekday `days` days after this one (before it, when negative).
    public func advanced(by days: Int) -> Weekday {
        Weekday(rawValue: ((rawValue - 1 + days) % 7 + 7) % 7 + 1)!
    }

    /// How many days after `other` this weekday next comes (0 when they are the same).
    public func days(after other: Weekday) -> Int {
        ((rawValue - other.rawValue) % 7 + 7) % 7
    }
}
