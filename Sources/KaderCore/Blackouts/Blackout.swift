/// A span of wall-clock time in which no task may start: a national holiday (a whole day
/// everywhere), a province's day of rest such as Nyepi in Bali, which runs 24 hours from
/// 06:00 WITA and so covers parts of two dates, or a regency's or village's own day.
///
/// Times are local to each village it applies to, like task windows, so a holiday is the
/// same calendar day in Aceh and in Papua although it starts two hours apart.
public struct Blackout: Sendable, Hashable, CustomStringConvertible {
    /// What the day is called, shown to people when a task is moved off it.
    public let name: String
    /// Where it applies: the nation, or a region and everything in it.
    public let scope: BlackoutScope
    /// The first moment of the blackout.
    public let start: LocalDateTime
    /// The first moment after it: a whole day ends at the next midnight.
    public let end: LocalDateTime
    /// Where kaderd learnt of it, so a listing says where to change it.
    public let source: BlackoutSource
    /// What the operator's file cites for it (`Perbup Badung 12/2026`); nil elsewhere.
    public let reference: String?

    public init(
        name: String, scope: BlackoutScope, start: LocalDateTime, end: LocalDateTime, source: BlackoutSource,
        reference: String? = nil
    ) {
        self.name = name
        self.scope = scope
        self.start = start
        self.end = end
        self.source = source
        self.reference = reference
    }

    /// A blackout of the whole of `first` through `last`, midnight to midnight.
    public init(
        name: String, scope: BlackoutScope, days first: LocalDate, through last: LocalDate, source: BlackoutSource,
        reference: String? = nil
    ) {
        self.init(
            name: name, scope: scope, start: LocalDateTime(date: first, secondOfDay: 0),
            end: LocalDateTime(date: last.adding(days: 1), secondOfDay: 0), source: source, reference: reference)
    }

    public func covers(_ time: LocalDateTime) -> Bool {
        start <= time && time < end
    }

    /// Whether any part of `date` lies in the blackout.
    public func touches(_ date: LocalDate) -> Bool {
        start < LocalDateTime(date: date.adding(days: 1), secondOfDay: 0) && LocalDateTime(date: date, secondOfDay: 0) < end
    }

    /// Whether it runs from midnight to midnight, so that it reads as days, not times.
    public var isWholeDays: Bool {
        start.secondOfDay == 0 && end.secondOfDay == 0
    }

    /// The last date it touches: the day before its end when it ends at midnight.
    public var lastDate: LocalDate {
        end.secondOfDay == 0 ? end.date.adding(days: -1) : end.date
    }

    /// Every date it touches, first to last.
    var dates: [LocalDate] {
        var dates: [LocalDate] = []
        var date = start.date
        while date <= lastDate {
            dates.append(date)
            date = date.adding(days: 1)
        }
        return dates
    }

    public var description: String {
        "\(name) (\(start) to \(end), \(scope), from \(source))"
    }
}
