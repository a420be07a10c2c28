// Not all of Foundation: it would link ICU into kaderctl and slow every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How a time from the wire is shown to people: in the village's own clock with its
/// Indonesian zone name, `2026-12-01 09:00 WITA`.
///
/// The daemon already sends each time in the village's offset and names the zone, so the
/// local part of the ISO string is the wall-clock time there; kaderctl needs no time-zone
/// database and cannot disagree with the daemon about one.
enum LocalTime {
    static func display(_ iso: String, zone: String) -> String {
        let characters = Array(iso)
        guard characters.count >= 16, characters[10] == "T", characters[13] == ":" else { return iso }
        let date = String(characters[0..<10])
        let time = String(characters[11..<16])
        return zone.isEmpty ? "\(date) \(time)" : "\(date) \(time) \(zone)"
    }

    /// A value that may be a village time with its offset (`2027-03-02T09:00:00+08:00`, as
    /// history details hold them) shown as the tables show times, `2027-03-02 09:00 WITA`;
    /// any other text unchanged.
    static func display(any text: String) -> String {
        let characters = Array(text)
        guard characters.count == 25, characters[10] == "T", characters[19] == "+" || characters[19] == "-" else { return text }
        let zone = ["+07:00": "WIB", "+08:00": "WITA", "+09:00": "WIT"][String(characters[19...])] ?? "UTC" + String(characters[19...])
        return display(text, zone: zone)
    }

    /// `Mon` for `2026-01-05`; nil for text that is not a date.
    static func weekdayName(of date: String) -> String? {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        guard let day = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) else {
            return nil
        }
        return ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][calendar.component(.weekday, from: day) - 1]
    }
}
