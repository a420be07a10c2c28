import KaderCore
import KaderRPC

/// The checked input of `blackout.list`.
enum BlackoutInput {
    struct List: MethodInput {
        let region: NamedRegion
        /// The year listed, in the region's calendar; this year when nil.
        let year: Int?
        /// Also the tasks opening on a blackout.
        let affected: Bool

        init(_ params: BlackoutListParams, in directory: RegionDirectory) throws(RPCError) {
            var reader = ParamReader()
            let region = reader.namedRegion(
                province: params.province, regency: params.regency, district: params.district, village: params.village,
                directory: directory)
            if region == nil && reader.problems.isEmpty {
                reader.note("province", "give a province, regency, district or village (e.g. 51): blackouts differ by place")
            }
            if let year = params.year, (try? LocalDate(year: year, month: 1, day: 1)) == nil {
                reader.note("year", "\(year) is not a year kaderd can list")
            }
            self.region = try reader.check("the blackouts cannot be listed", region)
            year = params.year
            affected = params.affected == true
        }
    }
}
