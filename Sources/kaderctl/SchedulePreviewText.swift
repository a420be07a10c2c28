// Not all of Foundation: it would link ICU into kaderctl and slow every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import KaderRPC

/// How a schedule preview reads for people: one line per occurrence in local time with
/// its zone's name, the occurrences moved off a blackout saying from where and why, and
/// those beyond the known blackouts marked.
enum SchedulePreviewText {
    static func render(_ preview: SchedulePreview) -> String {
        var lines: [String] = []
        if let name = preview.provinceName, let code = preview.province {
            let within = preview.region.map { region in "\(preview.regionName ?? region) (\(region)), " } ?? ""
            lines.append(
                "\(preview.rule) in \(within)\(name) (\(code)), \(preview.timeZone) (\(preview.zone)); "
                    + "an occurrence on a blackout moves to the next allowed day")
        } else {
            lines.append("\(preview.rule) in \(preview.timeZone) (\(preview.zone)); no blackouts applied (give --province for them)")
        }
        if preview.occurrences.isEmpty {
            lines.append("  no occurrences from that start")
        }
        let shifts = Dictionary(preview.shifted.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        let beyond = Set(preview.beyondKnownBlackouts)
        let width = String(preview.occurrences.count).count
        for (index, occurrence) in preview.occurrences.enumerated() {
            let number = String(index + 1)
            var line = "  " + String(repeating: " ", count: width - number.count) + number + "  "
                + local(occurrence, zone: preview.zone)
            if let shift = shifts[index] {
                line += "  * moved from \(local(shift.from, zone: nil)): \(shift.blackout)"
            }
            if beyond.contains(index) { line += "  ? holidays not known" }
            lines.append(line)
        }
        if !preview.shifted.isEmpty {
            lines.append("* \(preview.shifted.count) of \(preview.occurrences.count) moved off a blackout")
        }
        if !beyond.isEmpty {
            lines.append(
                "? \(beyond.count) of \(preview.occurrences.count) fall after \(preview.blackoutsKnownUntil ?? "the blackout data"), "
                    + "the last day whose holidays kaderd knows: they may fall on one")
        }
        return lines.joined(separator: "\n")
    }

    /// `Thu 2026-03-19 09:00 WITA` from `2026-03-19T09:00:00+08:00`; the zone left out
    /// when nil. Outside Indonesia's zones the offset stands for the zone's name, which
    /// Foundation cannot give reliably.
    static func local(_ text: String, zone: String?) -> String {
        let characters = Array(text)
        guard characters.count >= 20, characters[10] == "T" else { return text }
        let date = String(characters[0..<10])
        let seconds = String(characters[17..<19])
        let time = String(characters[11..<16]) + (seconds == "00" ? "" : ":" + seconds)
        var shown = [LocalTime.weekdayName(of: date), date, time].compactMap { $0 }.joined(separator: " ")
        if let zone {
            let offset = String(characters[19...])
            shown += " " + (indonesianZones.contains(zone) ? zone : (offset == "Z" ? "UTC" : "UTC" + offset))
        }
        return shown
    }

    private static let indonesianZones: Set<String> = ["WIB", "WITA", "WIT"]
}
