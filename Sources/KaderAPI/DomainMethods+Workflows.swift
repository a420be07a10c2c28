import KaderCore
import KaderEngine
import KaderRPC
import KaderServer
import KaderStore

extension DomainMethods {
    var workflowMethods: [RPCMethod] {
        [
            RPCMethod.encoded(.workflowStart) { call in
                let params = try call.decodeParams(WorkflowStartParams.self)
                var reader = ParamReader()
                let named = (params.cadre.map { [$0] } ?? []) + (params.cadres ?? [])
                if params.cadre != nil && params.cadres != nil { reader.note("cadres", "give either cadre or cadres, not both") }
                if named.isEmpty { reader.note("cadre", "name the cadre (cadre) or the cohort (cadres)") }
                let field = params.cadres == nil ? "cadre" : "cadres"
                let cadres = named.compactMap { reader.id($0, field: field, as: CadreKind.self) }
                let givenStart = reader.localDate(params.startDate, field: "start_date")
                let facilitator = reader.id(params.facilitatorID, field: "facilitator_id", as: FacilitatorKind.self)
                let start = try reader.check("the workflow cannot start", givenStart)
                let (workflow, tasks) = try await service.startWorkflow(
                    program: params.program ?? "kpmd", version: params.version, cadres: cadres,
                    facilitatorID: facilitator, facilitator: params.facilitator ?? "", startDate: start,
                    caller: Self.caller(call))
                return try WorkflowDetail(workflow: wire.workflow(workflow), tasks: wire.tasks(tasks)).encoded
            },
            RPCMethod(.workflowList) { call in
                let params = try call.decodeParams(WorkflowListParams.self)
                var reader = ParamReader()
                let region = reader.regionFilter(
                    province: params.province, regency: params.regency, district: params.district, village: params.village)
                let state = reader.choice(params.state, field: "state", as: WorkflowState.self)
                let cadre = reader.id(params.cadre, field: "cadre", as: CadreKind.self)
                let limit = reader.limit(params.limit)
                try reader.check("the list cannot be made")
                let page = try await service.workflows(
                    matching: WorkflowQuery(region: RegionFilter(within: region), state: state, cadre: cadre),
                    page: PageRequest(cursor: params.cursor, limit: limit))
                // Each with its progress and its cadres' names, read in one snapshot for the page.
                let (progress, names) = try await service.progress(of: page.items)
                let workflows = page.items.map { workflow in
                    var info = wire.workflow(workflow)
                    info.cadreNames = workflow.cadres.map { names[$0] ?? $0.rawValue }
                    info.tasksDone = progress[workflow.id]?.done ?? 0
                    info.tasksTotal = progress[workflow.id]?.total ?? 0
                    return info
                }
                return WorkflowList(workflows: workflows, nextCursor: page.nextCursor)
            },
            RPCMethod.encoded(.workflowGet) { call in
                let params = try call.decodeParams(IDParams.self)
                var reader = ParamReader()
                let givenId = reader.id(params.id, field: "id", as: WorkflowKind.self)
                let id = try reader.check("no workflow can be found by that id", givenId)
                let (workflow, tasks) = try await service.workflow(id)
                return try WorkflowDetail(workflow: wire.workflow(workflow), tasks: wire.tasks(tasks)).encoded
            },
            RPCMethod.encoded(.workflowCancel) { call in
                let params = try call.decodeParams(ReasonParams.self)
                var reader = ParamReader()
                let givenId = reader.id(params.id, field: "id", as: WorkflowKind.self)
                let id = try reader.check("no workflow can be found by that id", givenId)
                let (workflow, tasks) = try await service.cancelWorkflow(id, reason: params.reason ?? "", caller: Self.caller(call))
                return try WorkflowDetail(workflow: wire.workflow(workflow), tasks: wire.tasks(tasks)).encoded
            },
        ]
    }
}
