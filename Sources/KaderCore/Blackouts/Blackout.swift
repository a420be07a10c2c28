/// A span of a province's wall-clock time in which no task may start: a national holiday
/// (a whole day everywhere) or a province's own day of rest, such as Nyepi in Bali, which
/// runs 24 hours from 06:00 WITA and so covers parts of two dates.
///
/// Times are local to the province, like task windows, so a holiday is the same calendar
/// day in Aceh and in Papua although it starts two hours apart.
public struct Blackout: Sendable, Hashable, CustomStringConvertible {
    /// What the day is called, shown to people when a task is moved off it.
    public let name: String
    /// The province it applies to; nil for a national holiday, which applies to all.
    public let province: RegionCode?
    /// The first moment of the blackout.
    public let start: LocalDateTime
    /// The first moment after it: a whole day ends at the next midnight.
    public let end: LocalDateTime

    init(name: String, province: RegionCode?, start: LocalDateTime, end: LocalDateTime) {
        self.name = name
        self.province = province
        self.start = start
        self.end = end
    }

    /// A blackout of the whole of `date`, midnight to midnight.
    init(name: String, province: RegionCode?, date: LocalDate) {
        self.init(
            name: name, province: province, start: LocalDateTime(date: date, secondOfDay: 0),
            end: LocalDateTime(date: date.adding(days: 1), secondOfDay: 0))
    }

    public func covers(_ time: LocalDateTime) -> Bool {
        start <= time && time < end
    }

    /// Whether any part of `date` lies in the blackout.
    public func touches(_ date: LocalDate) -> Bool {
        start < LocalDateTime(date: date.adding(days: 1), secondOfDay: 0) && LocalDateTime(date: date, secondOfDay: 0) < end
    }

    public var description: String {
        "\(name) (\(start) to \(end)" + (province.map { " in province \($0))" } ?? ", national)")
    }
}
