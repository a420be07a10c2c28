import KaderCore
import KaderRPC
import KaderServer

extension DomainMethods {
    var regionMethods: [RPCMethod] {
        [
            RPCMethod(.regionProvinces) { _ in
                ProvinceList(
                    provinces: directory.provinces.map { province in
                        ProvinceInfo(
                            code: province.code.description, name: province.name, zone: province.zone.rawValue,
                            timeZone: province.ianaIdentifier)
                    })
            },
            RPCMethod(.regionSearch) { call in
                let params = try call.decodeParams(RegionSearchParams.self)
                var reader = ParamReader()
                let filter = params.level.flatMap(RegionLevelFilter.init(name:))
                if let level = params.level, filter == nil {
                    reader.note("level", "'\(level)' is not one of \(RegionLevelFilter.names.joined(separator: ", "))")
                }
                let within = reader.regionCode(params.within, field: "within")
                let limit = reader.limit(params.limit, default: 20, maximum: 200)
                // The cursor is the count of matches already listed: the order of matches is fixed.
                let offset = params.cursor.map { Int($0) ?? -1 } ?? 0
                if offset < 0 { reader.note("cursor", "is not a next_cursor this method gave") }
                if params.query.trimmingCharacters(in: .whitespaces).isEmpty { reader.note("query", "must not be empty") }
                try reader.check("the search cannot run")
                var regions = directory.search(params.query, limit: limit + 1, filter: filter, within: within, offset: offset)
                let more = regions.count > limit
                regions = Array(regions.prefix(limit))
                return RegionList(regions: regions.map(wire.region), nextCursor: more ? String(offset + limit) : nil)
            },
        ]
    }
}
