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
            method(.schedulePreview) { (input: ScheduleInput.Preview, _) in
                try preview(rule: input.rule, start: input.start, place: input.place, count: input.count)
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
