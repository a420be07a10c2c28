import KaderCore
import KaderRPC
import KaderStore

/// The checked inputs of the `workflow.*` methods.
enum WorkflowInput {
    struct Start: MethodInput {
        let program: String
        let version: Int?
        let cadres: [CadreID]
        let facilitatorID: FacilitatorID?
        /// The free-text name of a facilitator not registered; may be empty.
        let facilitator: String
        let startDate: LocalDate

        init(_ params: WorkflowStartParams, in directory: RegionDirectory) throws(RPCError) {
            var reader = ParamReader()
            let named = (params.cadre.map { [$0] } ?? []) + (params.cadres ?? [])
            if params.cadre != nil && params.cadres != nil { reader.note("cadres", "give either cadre or cadres, not both") }
            if named.isEmpty { reader.note("cadre", "name the cadre (cadre) or the cohort (cadres)") }
            let field = params.cadres == nil ? "cadre" : "cadres"
            let cadres = named.compactMap { reader.id($0, field: field, as: CadreKind.self) }
            let start = reader.localDate(params.startDate, field: "start_date")
            let facilitatorID = reader.id(params.facilitatorID, field: "facilitator_id", as: FacilitatorKind.self)
            startDate = try reader.check("the workflow cannot start", start)
            program = params.program ?? "kpmd"
            version = params.version
            self.cadres = cadres
            self.facilitatorID = facilitatorID
            facilitator = params.facilitator ?? ""
        }
    }

    struct List: MethodInput {
        let query: WorkflowQuery
        let page: PageRequest

        init(_ params: WorkflowListParams, in directory: RegionDirectory) throws(RPCError) {
            var reader = ParamReader()
            let region = reader.regionFilter(
                province: params.province, regency: params.regency, district: params.district, village: params.village,
                directory: directory)
            let state = reader.choice(params.state, field: "state", as: WorkflowState.self)
            let cadre = reader.id(params.cadre, field: "cadre", as: CadreKind.self)
            let limit = reader.limit(params.limit)
            try reader.check("the list cannot be made")
            query = WorkflowQuery(region: RegionFilter(within: region), state: state, cadre: cadre)
            page = PageRequest(cursor: params.cursor, limit: limit)
        }
    }

    struct Cancel: MethodInput {
        let id: WorkflowID
        let reason: String

        init(_ params: ReasonParams, in directory: RegionDirectory) throws(RPCError) {
            var reader = ParamReader()
            let id = reader.id(params.id, field: "id", as: WorkflowKind.self)
            self.id = try reader.check("no workflow can be found by that id", id)
            reason = params.reason ?? ""
        }
    }
}
