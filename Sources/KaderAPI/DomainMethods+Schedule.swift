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
                let givenRule = reader.recurrenceRule(params.rule, field: "rule")
                let givenStart = reader.localDateTime(params.start, field: "start")
                let givenPlace = reader.place(params, directory: directory)
                let count = reader.count(params.count, default: 10, maximum: Self.previewLimit)
                let (rule, start, place) = try reader.check("the schedule cannot be previewed", givenRule, givenStart, givenPlace)
                return try preview(rule: rule, start: start, place: place, count: count)
            }
        ]
    }

    /// The rule's occurrences in the place's zone; in a region, each moved off the
    /// blackouts there (a village sees its own, its regency's, its province's and the
    /// nation's) to the next allowed day, as a step with the default policy would be, and
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
                shift = try place.region.flatMap { try blackouts.shift(time, by: .nextDay, in: $0) }
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
            region: place.region.flatMap { $0.level == .province ? nil : $0.description },
            regionName: place.region.flatMap { $0.level == .province ? nil : directory.name(of: $0) },
            blackoutsKnownUntil: place.province.flatMap { blackouts.lastKnownDay(in: $0.code)?.description },
            beyondKnownBlackouts: beyond)
    }
}

/// Where a preview is computed: a bare time zone, or a region with its province's zone and
/// the blackouts that apply there.
private struct PreviewPlace {
    var timeZone: TimeZone
    var province: Province?
    /// The province, regency, district or village given; nil with a bare zone.
    var region: RegionCode?
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

    /// Exactly one of a zone and a region (a province, or a regency, district or village
    /// with or without the regions around it), each checked to exist.
    fileprivate mutating func place(_ params: SchedulePreviewParams, directory: RegionDirectory) -> PreviewPlace? {
        let regionField = [("province", params.province), ("regency", params.regency), ("district", params.district),
            ("village", params.village)].first { $0.1 != nil }?.0
        switch (params.zone, regionField) {
        case (nil, nil):
            note("zone", "give a time zone (e.g. Asia/Jayapura) or a province (e.g. 94)")
            return nil
        case (.some, let field?):
            note(field, "give either zone or \(field), not both")
            return nil
        case (let zone?, nil):
            // Indonesia's three zones by the names people say: WIB, WITA, WIT.
            let named = ["WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"][zone.uppercased()]
            guard let timeZone = TimeZone(identifier: named ?? zone) else {
                note(
                    "zone",
                    "'\(zone)' is not a time zone this system knows (WIB, WITA, WIT, or one such as Asia/Jakarta, Asia/Makassar, Asia/Jayapura)")
                return nil
            }
            return PreviewPlace(timeZone: timeZone, province: nil, region: nil)
        case (nil, .some):
            guard
                let found = namedRegion(
                    province: params.province, regency: params.regency, district: params.district, village: params.village,
                    directory: directory)
            else { return nil }
            return PreviewPlace(timeZone: found.province.timeZone, province: found.province, region: found.code)
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
