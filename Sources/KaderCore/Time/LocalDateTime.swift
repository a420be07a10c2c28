import Foundation

/// A date and a time of day on the wall clock of some place, with no time zone attached:
/// a task window "5 January 09:00" in a village means 09:00 there, whatever zone the
/// daemon runs in. The zone is applied only when an instant is needed (`date(in:)`).
/// Kept to the second; text is ISO 8601 (`2026-01-05T09:00:00`).
public struct LocalDateTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let date: LocalDate
    /// Seconds since midnight, 0 to 86 399.
    let secondOfDay: Int

    /// A date-time from its numbers, refused when the time does not exist on any clock
    /// (25:00, a 60th second).
    public init(date: LocalDate, hour: Int = 0, minute: Int = 0, second: Int = 0) throws(LocalTimeError) {
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else {
            let time = [hour, minute, second].map { LocalDate.pad($0, 2) }.joined(separator: ":")
            throw LocalTimeError(
                text: "\(date)T\(time)", expected: "local date-time",
                reason: "the time of day must be 00:00:00 to 23:59:59")
        }
        self.init(date: date, secondOfDay: (hour * 60 + minute) * 60 + second)
    }

    public init(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0
    ) throws(LocalTimeError) {
        try self.init(date: LocalDate(year: year, month: month, day: day), hour: hour, minute: minute, second: second)
    }

    /// A date-time from ISO 8601 text, `YYYY-MM-DDTHH:MM:SS` (the seconds may be left out).
    /// Text with a zone offset or `Z` is refused: it names an instant, not a wall-clock time.
    public init(parsing text: String) throws(LocalTimeError) {
        var scanner = LocalTimeScanner(
            text, expected: "local date-time", format: "YYYY-MM-DDTHH:MM:SS, like 2026-01-05T09:00:00")
        let date = try scanner.scanDate()
        let secondOfDay = try scanner.scanTimeOfDay()
        try scanner.expectEnd()
        self.init(date: date, secondOfDay: secondOfDay)
    }

    /// The wall-clock time in `zone` at the instant `date`, without its fraction of a second.
    public init(_ date: Date, in zone: TimeZone) {
        let utcSeconds = Int(date.timeIntervalSince1970.rounded(.down))
        self.init(localSeconds: utcSeconds + zone.secondsFromGMT(for: date))
    }

    init(date: LocalDate, secondOfDay: Int) {
        self.date = date
        self.secondOfDay = secondOfDay
    }

    public var hour: Int { secondOfDay / 3600 }
    public var minute: Int { secondOfDay / 60 % 60 }
    public var second: Int { secondOfDay % 60 }

    /// The instant this wall-clock time names in `zone`. Where a clock change makes it
    /// ambiguous or skips it, RFC 5545 (section 3.3.5) decides, so that recurring tasks
    /// agree with calendar software: a repeated time is its first occurrence, and a
    /// skipped time is read with the offset in force before the gap (02:30 in a gap from
    /// 02:00 to 03:00 is 03:30).
    public func date(in zone: TimeZone) -> Date {
        let wallClock = localSeconds
        let offsetBefore = zone.secondsFromGMT(for: Self.instant(wallClock - 86_400))
        let offsetAfter = zone.secondsFromGMT(for: Self.instant(wallClock + 86_400))
        let readings = [offsetBefore, offsetAfter]
            .map { wallClock - $0 }
            .filter { zone.secondsFromGMT(for: Self.instant($0)) == wallClock - $0 }
        return Self.instant(readings.min() ?? wallClock - offsetBefore)
    }

    /// The same time of day `days` days later (earlier, when negative).
    public func adding(days: Int) -> LocalDateTime {
        LocalDateTime(date: date.adding(days: days), secondOfDay: secondOfDay)
    }

    /// The same time of day `months` months later, on the last day of the month when that
    /// month is shorter (see `LocalDate.adding(months:)`).
    public func adding(months: Int) -> LocalDateTime {
        LocalDateTime(date: date.adding(months: months), secondOfDay: secondOfDay)
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.secondOfDay) < (rhs.date, rhs.secondOfDay)
    }

    public var description: String {
        "\(date)T\(LocalDate.pad(hour, 2)):\(LocalDate.pad(minute, 2)):\(LocalDate.pad(second, 2))"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try LocalDateTime(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Seconds since 1970-01-01T00:00:00 on this wall clock.
    private var localSeconds: Int {
        date.dayNumber * 86_400 + secondOfDay
    }

    private init(localSeconds: Int) {
        self.init(
            date: LocalDate(dayNumber: LocalDate.floorDiv(localSeconds, 86_400)),
            secondOfDay: LocalDate.floorMod(localSeconds, 86_400))
    }

    private static func instant(_ secondsSince1970: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(secondsSince1970))
    }
}
