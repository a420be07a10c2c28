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
            method(.regionSearch) { (input: RegionInput.Search, _) in
                var regions = directory.search(
                    input.query, limit: input.limit + 1, filter: input.filter, within: input.within, offset: input.offset)
                let more = regions.count > input.limit
                regions = Array(regions.prefix(input.limit))
                return RegionList(regions: regions.map(wire.region), nextCursor: more ? String(input.offset + input.limit) : nil)
            },
        ]
    }
}
