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
                let level = reader.choice(params.level, field: "level", as: RegionCode.Level.self)
                let within = reader.regionCode(params.within, field: "within")
                let limit = reader.limit(params.limit, default: 20, maximum: 200)
                if params.query.trimmingCharacters(in: .whitespaces).isEmpty { reader.note("query", "must not be empty") }
                try reader.check("the search cannot run")
                let regions = directory.search(params.query, limit: limit, level: level, within: within)
                return RegionList(regions: regions.map(wire.region))
            },
        ]
    }
}
