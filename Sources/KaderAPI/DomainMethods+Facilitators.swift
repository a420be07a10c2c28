import Foundation
import KaderCore
import KaderEngine
import KaderRPC
import KaderServer
import KaderStore

extension DomainMethods {
    var facilitatorMethods: [RPCMethod] {
        [
            method(.facilitatorRegister) { (input: FacilitatorInput.Register, call) in
                let facilitator = try await service.registerFacilitator(
                    name: input.name, role: input.role, phone: input.phone, email: input.email, capacity: input.capacity,
                    workingDays: input.workingDays, caller: Self.caller(call))
                return FacilitatorChange(facilitator: wire.facilitator(facilitator))
            },
            method(.facilitatorList) { (input: FacilitatorInput.List, _) in
                let list = try await service.facilitators(role: input.role)
                return FacilitatorList(facilitators: list.map(wire.facilitator))
            },
            method(.facilitatorGet) { (input: IDInput<FacilitatorKind>, _) in
                let (facilitator, assignments, history) = try await service.facilitatorWithHistory(input.id)
                return FacilitatorDetail(
                    facilitator: wire.facilitator(facilitator), assignments: assignments.map(wire.assignment),
                    history: history.map(wire.history))
            },
            method(.facilitatorUpdate) { (input: FacilitatorInput.Update, call) in
                let facilitator = try await service.updateFacilitator(
                    input.id, changes: input.changes, reason: input.reason, caller: Self.caller(call))
                return FacilitatorChange(facilitator: wire.facilitator(facilitator))
            },
            method(.facilitatorAssign) { (input: FacilitatorInput.Assign, call) in
                let assigned = try await service.assign(
                    input.id, region: input.region, from: input.from, until: input.until, reason: input.reason,
                    caller: Self.caller(call))
                return FacilitatorAssignResult(
                    assignment: wire.assignment(assigned.assignment), ended: assigned.ended.map(wire.assignment),
                    workflows: assigned.workflows.map(\.rawValue))
            },
            method(.facilitatorAgenda) { (input: FacilitatorInput.Agenda, _) in
                let agenda = try await service.agenda(of: input.id, from: input.from, through: input.through)
                return FacilitatorAgenda(
                    facilitator: wire.facilitator(agenda.facilitator), from: agenda.from.description,
                    to: agenda.through.description,
                    items: agenda.items.map { task, cadres in AgendaItem(task: wire.task(task), cadres: cadres.map(\.name)) })
            },
        ]
    }
}

extension WireMapping {
    func facilitator(_ facilitator: Facilitator) -> FacilitatorInfo {
        FacilitatorInfo(
            id: facilitator.id.rawValue, name: facilitator.name, role: facilitator.role.rawValue, phone: facilitator.phone,
            email: facilitator.email, capacity: facilitator.capacity,
            workingDays: facilitator.workingDays.sorted { $0.rawValue < $1.rawValue }.map(\.name),
            registeredAt: facilitator.registeredAt)
    }

    func assignment(_ assignment: FacilitatorAssignment) -> AssignmentInfo {
        AssignmentInfo(
            facilitator: assignment.facilitator.rawValue, region: assignment.region.description,
            regionName: directory.name(of: assignment.region) ?? "", from: assignment.from.description,
            until: assignment.until?.description)
    }
}
