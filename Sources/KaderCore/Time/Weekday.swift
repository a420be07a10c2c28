/// A day of the week, numbered as ISO 8601 does (Monday is 1): the week RFC 5545 starts
/// by default, and the numbering any other ISO 8601 software expects.
public enum Weekday: Int, Sendable, Hashable, CaseIterable {
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

    /// The English name, as the API and messages write it: `monday` … `sunday`.
    public var name: String {
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][rawValue - 1]
    }

    /// The weekday of an English name, in any case.
    public init?(name: String) {
        guard let day = Weekday.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = day
    }
}
