// Not all of Foundation: it would link ICU into kaderctl and slow every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import KaderRPC

/// Moments that belong to no village (when a record was made) are shown in UTC, named so.
///
/// Worked out by hand rather than with a date format style: those live in the part of
/// Foundation that brings ICU, which would add about 2 ms to every kaderctl start.
enum UTC {
    /// `2026-11-29 01:39:49 UTC`, the seconds truncated.
    static func display(_ date: Date) -> String {
        guard let seconds = Int64(exactly: date.timeIntervalSince1970.rounded(.down)) else { return "\(date)" }
        let (year, month, day, second) = ISO8601Text.civil(secondsSince1970: seconds)
        return "\(year)-\(twoDigits(month))-\(twoDigits(day)) "
            + "\(twoDigits(second / 3_600)):\(twoDigits(second % 3_600 / 60)):\(twoDigits(second % 60)) UTC"
    }

    private static func twoDigits(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
