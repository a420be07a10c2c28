/// The years the national holiday data shipped with kaderd covers. Beyond them no holiday
/// is known, so a task planned there may fall on one: the daemon says so a year ahead.
public struct HolidayCoverage: Sendable, Hashable, CustomStringConvertible {
    public let years: ClosedRange<Int>

    /// How long before the data ends the daemon starts warning: a program planned today
    /// reaches about a year ahead.
    public static let warningMonths = 12

    public init(years: ClosedRange<Int>) {
        self.years = years
    }

    public func covers(_ date: LocalDate) -> Bool { years.contains(date.year) }

    /// The last day covered, 31 December of the last year.
    public var lastDay: LocalDate { LocalDate(unchecked: years.upperBound, 12, 31) }

    /// The first day on which fewer than `warningMonths` months of data remain.
    public var warningStarts: LocalDate { LocalDate(unchecked: years.upperBound + 1, 1, 1).adding(months: -Self.warningMonths) }

    /// The covered years, `2025–2032`.
    public var description: String { "\(years.lowerBound)–\(years.upperBound)" }

    /// What a sysadmin is told once the data runs out soon.
    public var warning: String {
        "the national holiday data covers \(self) only: tasks after \(lastDay) are planned without knowing "
            + "its holidays; update kaderd"
    }
}
