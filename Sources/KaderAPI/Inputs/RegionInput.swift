import KaderCore
import KaderRPC

/// The checked input of `region.search`.
enum RegionInput {
    struct Search: MethodInput {
        let query: String
        let filter: RegionLevelFilter?
        let within: RegionCode?
        let limit: Int
        /// How many matches earlier pages listed: the order of matches is fixed, so that is the cursor.
        let offset: Int

        init(_ params: RegionSearchParams, in directory: RegionDirectory) throws(RPCError) {
            var reader = ParamReader()
            filter = params.level.flatMap(RegionLevelFilter.init(name:))
            if let level = params.level, filter == nil {
                reader.note("level", "'\(level)' is not one of \(RegionLevelFilter.names.joined(separator: ", "))")
            }
            within = reader.regionCode(params.within, field: "within", directory: directory)
            limit = reader.limit(params.limit, default: 20, maximum: 200)
            offset = params.cursor.map { Int($0) ?? -1 } ?? 0
            if offset < 0 { reader.note("cursor", "is not a next_cursor this method gave") }
            if params.query.trimmingCharacters(in: .whitespaces).isEmpty { reader.note("query", "must not be empty") }
            try reader.check("the search cannot run")
            query = params.query
        }
    }
}

/// The checked input of a method about one village (`report.kader_book`).
struct VillageInput: MethodInput {
    let village: RegionCode

    init(_ params: VillageParams, in directory: RegionDirectory) throws(RPCError) {
        var reader = ParamReader()
        let village = reader.regionCode(params.village, field: "village", level: .village, directory: directory)
        self.village = try reader.check("the Buku Kader cannot be made", village)
    }
}

/// The checked input of `report.progress`: at most one region, and a day.
struct ProgressInput: MethodInput {
    let region: RegionCode?
    let asOf: LocalDate?

    init(_ params: ProgressParams, in directory: RegionDirectory) throws(RPCError) {
        var reader = ParamReader()
        let given = reader.regionFilter(
            province: params.province, regency: params.regency, district: params.district, village: nil, directory: directory)
        let named = [("province", params.province), ("regency", params.regency), ("district", params.district)]
            .filter { $0.1 != nil }.map(\.0)
        if named.count > 1 {
            reader.note(named[1], "give one region of \(named.joined(separator: ", ")), not several")
        }
        for code in given where directory.region(code) == nil {
            reader.note(code.level.rawValue, "no \(code.level.rawValue) has the code \(code)")
        }
        asOf = reader.localDate(params.asOf, field: "as_of")
        try reader.check("the report cannot be made")
        region = given.first
    }
}
