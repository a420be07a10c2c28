// Not all of Foundation: kaderctl links this module, and all of it would bring ICU into every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// ISO 8601 text of an instant at a UTC offset (`2026-12-01T09:00:00+08:00`), written by
/// hand: a page of tasks shows three hundred times, and Foundation's format style was a
/// visible share of listing it. The text is exactly what `Date.ISO8601FormatStyle` writes for year, month,
/// day, time and an offset with a colon; for the rare instants where that is not certain,
/// the caller asks Foundation instead.
public enum ISO8601Text {
    /// The text at `offset` seconds east of UTC, with `Z` at offset zero as Foundation writes
    /// it; nil for years outside 1583–9999 (Foundation counts earlier dates in the Julian
    /// calendar and pads or signs years past four digits), offsets with seconds (old local
    /// mean times) and instants a hair below a whole second, where which second Foundation
    /// shows depends on how it rounds the Double.
    public static func string(_ date: Date, offset: Int) -> String? {
        let reference = date.timeIntervalSinceReferenceDate
        let second = reference.rounded(.down)
        guard reference - second < 0.999, offset % 60 == 0, abs(second) < 1e13 else { return nil }
        let local = Int64(second) + secondsFrom1970To2001 + Int64(offset)
        let (year, month, day, secondOfDay) = civil(secondsSince1970: local)
        guard (1583...9999).contains(year) else { return nil }
        let length = offset == 0 ? 20 : 25
        return String(unsafeUninitializedCapacity: length) { text in
            var at = 0
            func put(_ value: Int64, digits: Int) {
                var rest = value
                for position in stride(from: at + digits - 1, through: at, by: -1) {
                    text[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                at += digits
            }
            func put(_ byte: Unicode.Scalar) {
                text[at] = UInt8(ascii: byte)
                at += 1
            }
            put(year, digits: 4); put("-"); put(month, digits: 2); put("-"); put(day, digits: 2)
            put("T"); put(secondOfDay / 3600, digits: 2); put(":"); put(secondOfDay / 60 % 60, digits: 2)
            put(":"); put(secondOfDay % 60, digits: 2)
            if offset == 0 {
                put("Z")
            } else {
                put(offset < 0 ? "-" : "+")
                put(Int64(abs(offset) / 3600), digits: 2); put(":"); put(Int64(abs(offset) / 60 % 60), digits: 2)
            }
            return at
        }
    }

    /// What `date.formatted(.iso8601)` gives: the time in UTC, ending in `Z`.
    public static func utc(_ date: Date) -> String {
        string(date, offset: 0) ?? date.formatted(.iso8601)
    }

    private static let secondsFrom1970To2001: Int64 = 978_307_200

    /// The proleptic Gregorian date and second of the day of an instant counted in seconds from
    /// 1970-01-01T00:00:00 (Howard Hinnant's `civil_from_days`, days rounded towards the past
    /// before 1970); kaderctl shows record times in UTC with it.
    public static func civil(secondsSince1970 seconds: Int64)
        -> (year: Int64, month: Int64, day: Int64, secondOfDay: Int64)
    {
        let days = (seconds >= 0 ? seconds : seconds - 86_399) / 86_400
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day, seconds - days * 86_400)
    }
}
