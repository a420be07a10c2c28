import Foundation
import KaderCore
import KaderEngine
import KaderRPC
import KaderServer

extension DomainMethods {
    /// The most occurrences one preview lists: a rule is checked by looking at it, and
    /// 500 covers a weekly visit for almost ten years.
    static let previewLimit = 500

    var scheduleMethods: [RPCMethod] {
        [
            RPCMethod(.schedulePreview) { call in
                let params = try call.decodeParams(SchedulePreviewParams.self)
                var reader = ParamReader()
                let rule = reader.recurrenceRule(params.rule, field: "rule")
                let start = reader.localDateTime(params.start, field: "start")
                let place = reader.place(zone: params.zone, province: params.province, directory: directory)
                let count = reader.count(params.count, default: 10, maximum: Self.previewLimit)
                try reader.check("the schedule cannot be previewed")
                return try preview(rule: rule!, start: start!, place: place!, count: count)
            }
        ]
    }

    /// The rule's occurrences in the place's zone; in a province, each moved off its
    /// blackouts to the next allowed day, as a step with the default policy would be, and
    /// those on days whose blackouts are not known marked as such.
    private func preview(rule: RecurrenceRule, start: LocalDateTime, place: PreviewPlace, count: Int) throws -> SchedulePreview {
        let zone = place.timeZone
        let blackouts = service.blackouts
        var occurrences: [String] = []
        var shifted: [ShiftedOccurrence] = []
        var beyond: [Int] = []
        for (index, time) in rule.localOccurrences(from: start, in: zone, limit: count).enumerated() {
            let shift: BlackoutShift?
            do {
                shift = try place.province.flatMap { try blackouts.shift(time, by: .nextDay, in: $0.code) }
            } catch {
                throw RPCError(.conflict, "The blackouts of \(place.province?.name ?? "the province") leave no day to move to: \(error)")
            }
            let planned = shift?.shifted ?? time
            let opening = ISO8601.string(planned.date(in: zone), in: zone)
            occurrences.append(opening)
            if let province = place.province, !blackouts.knows(planned.date, in: province.code) {
                beyond.append(index)
            }
            if let shift {
                shifted.append(
                    ShiftedOccurrence(
                        index: index, from: ISO8601.string(shift.original.date(in: zone), in: zone), to: opening,
                        blackout: shift.blackout.name))
            }
        }
        return SchedulePreview(
            rule: rule.description, occurrences: occurrences, shifted: shifted, timeZone: zone.identifier,
            zone: IndonesianZone.abbreviation(for: zone, at: start.date(in: zone)),
            province: place.province?.code.description, provinceName: place.province?.name,
            blackoutsKnownUntil: place.province.flatMap { blackouts.lastKnownDay(in: $0.code)?.description },
            beyondKnownBlackouts: beyond)
    }
}

/// Where a preview is computed: a bare time zone, or a province with its zone and blackouts.
private struct PreviewPlace {
    var timeZone: TimeZone
    var province: Province?
}

extension ParamReader {
    fileprivate mutating func recurrenceRule(_ text: String, field: String) -> RecurrenceRule? {
        do {
            return try RecurrenceRule(parsing: text)
        } catch {
            note(field, error.description)
            return nil
        }
    }

    fileprivate mutating func localDateTime(_ text: String, field: String) -> LocalDateTime? {
        do {
            return try LocalDateTime(parsing: text)
        } catch {
            note(field, error.description)
            return nil
        }
    }

    /// Exactly one of a zone and a province, each checked to exist.
    fileprivate mutating func place(zone: String?, province: String?, directory: RegionDirectory) -> PreviewPlace? {
        switch (zone, province) {
        case (nil, nil):
            note("zone", "give a time zone (e.g. Asia/Jayapura) or a province (e.g. 94)")
            return nil
        case (.some, .some):
            note("province", "give either zone or province, not both")
            return nil
        case (let zone?, nil):
            guard let timeZone = TimeZone(identifier: zone) else {
                note("zone", "'\(zone)' is not a time zone this system knows (e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura)")
                return nil
            }
            return PreviewPlace(timeZone: timeZone, province: nil)
        case (nil, let text?):
            guard let code = regionCode(text, field: "province", level: .province) else { return nil }
            guard let found = directory.province(code) else {
                note("province", "no province has the code \(code) (region.provinces lists them)")
                return nil
            }
            return PreviewPlace(timeZone: found.timeZone, province: found)
        }
    }

    fileprivate mutating func count(_ value: Int?, default defaultValue: Int, maximum: Int) -> Int {
        guard let value else { return defaultValue }
        guard (1...maximum).contains(value) else {
            note("count", "must be between 1 and \(maximum)")
            return defaultValue
        }
        return value
    }
}
