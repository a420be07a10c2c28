#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
// Not all of Foundation: it would link ICU into kaderctl and slow every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Moments that happened in the daemon rather than in a village (a registration, a history
/// entry, a reload) are shown in this machine's zone, named: `2026-12-02 12:38:37 WITA`.
/// What happens in a village is shown in the village's time instead (`LocalTime`).
///
/// Worked out with the C library's `localtime_r`, which reads TZ and the zone database:
/// Foundation's date formatting lives in the part that brings ICU, which would slow every
/// kaderctl start.
enum MachineTime {
    /// `2026-12-02 12:38:37 WITA`, the seconds truncated; the offset (`+0700`) where the zone
    /// has no abbreviation.
    static func display(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return "\(date)" }
        let zone = parts.tm_zone.map { String(cString: $0) } ?? ""
        let named = zone.isEmpty || zone.first == "+" || zone.first == "-" ? offset(parts.tm_gmtoff) : zone
        return "\(parts.tm_year + 1900)-\(twoDigits(parts.tm_mon + 1))-\(twoDigits(parts.tm_mday)) "
            + "\(twoDigits(parts.tm_hour)):\(twoDigits(parts.tm_min)):\(twoDigits(parts.tm_sec)) \(named)"
    }

    private static func offset(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + twoDigits(Int32(minutes / 60)) + twoDigits(Int32(minutes % 60))
    }

    private static func twoDigits(_ value: Int32) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
