import Foundation
import KaderCore
import KaderRPC

/// The checked input of `schedule.preview`.
enum ScheduleInput {
    struct Preview: MethodInput {
        let rule: RecurrenceRule
        let start: LocalDateTime
        let place: PreviewPlace
        let count: Int

        init(_ params: SchedulePreviewParams, in directory: RegionDirectory) throws(RPCError) {
            var reader = ParamReader()
            let rule = reader.recurrenceRule(params.rule, field: "rule")
            let start = reader.localDateTime(params.start, field: "start")
            let place = reader.place(params, directory: directory)
            count = reader.count(params.count, default: 10, maximum: DomainMethods.previewLimit)
            (self.rule, self.start, self.place) = try reader.check("the schedule cannot be previewed", rule, start, place)
        }
    }
}

/// Where a preview is computed: a bare time zone, or a region with its province's zone and
/// the blackouts that apply there.
struct PreviewPlace {
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
