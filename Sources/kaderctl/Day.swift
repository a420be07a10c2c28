import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A calendar day, `YYYY-MM-DD`, checked on the command line so that a mistyped date is a
/// usage error naming the option, before anything is sent.
struct Day: Hashable, Comparable, CustomStringConvertible {
    let year: Int
    let month: Int
    let day: Int

    init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads exactly `YYYY-MM-DD` with a day that exists.
    init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// For `@Option(transform:)`: the error says what was expected, after the option's name.
    static func parse(_ text: String) throws -> Day {
        guard let day = Day(text) else {
            throw ValidationError("expected a date as YYYY-MM-DD, e.g. 2026-12-01")
        }
        return day
    }

    /// Today on this machine's calendar: "next month" is the person's, not a village's.
    /// Read with the C library, which follows TZ and /etc/localtime as Foundation does:
    /// Foundation's local time zones come with ICU, which kaderctl does not link.
    static func today() -> Day {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }

    var description: String {
        "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))"
    }

    var next: Day {
        if day < Self.daysIn(month: month, year: year) { return Day(year: year, month: month, day: day + 1)! }
        return month < 12 ? Day(year: year, month: month + 1, day: 1)! : Day(year: year + 1, month: 1, day: 1)!
    }

    var firstOfNextMonth: Day {
        month < 12 ? Day(year: year, month: month + 1, day: 1)! : Day(year: year + 1, month: 1, day: 1)!
    }

    var lastOfMonth: Day {
        Day(year: year, month: month, day: Self.daysIn(month: month, year: year))!
    }

    static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
