import KaderCore
import KaderEngine
import KaderRPC
import KaderServer

extension DomainMethods {
    var workflowMethods: [RPCMethod] {
        [
            encodedMethod(.workflowStart) { (input: WorkflowInput.Start, call) in
                let (workflow, tasks) = try await service.startWorkflow(
                    program: input.program, version: input.version, cadres: input.cadres,
                    facilitatorID: input.facilitatorID, facilitator: input.facilitator, startDate: input.startDate,
                    caller: Self.caller(call))
                return try WorkflowDetail(workflow: wire.workflow(workflow), tasks: wire.tasks(tasks)).encoded
            },
            method(.workflowList) { (input: WorkflowInput.List, _) in
                let page = try await service.workflows(matching: input.query, page: input.page)
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
            encodedMethod(.workflowGet) { (input: IDInput<WorkflowKind>, _) in
                let (workflow, tasks) = try await service.workflow(input.id)
                return try WorkflowDetail(workflow: wire.workflow(workflow), tasks: wire.tasks(tasks)).encoded
            },
            encodedMethod(.workflowCancel) { (input: WorkflowInput.Cancel, call) in
                let (workflow, tasks) = try await service.cancelWorkflow(
                    input.id, reason: input.reason, caller: Self.caller(call))
                return try WorkflowDetail(workflow: wire.workflow(workflow), tasks: wire.tasks(tasks)).encoded
            },
        ]
    }
}
