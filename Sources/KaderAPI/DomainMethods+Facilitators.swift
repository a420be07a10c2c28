import Foundation
import KaderCore
import KaderEngine
import KaderRPC
import KaderServer
import KaderStore

extension DomainMethods {
    var facilitatorMethods: [RPCMethod] {
        [
            RPCMethod(.facilitatorRegister) { call in
                let params = try call.decodeParams(FacilitatorParams.self)
                var reader = ParamReader()
                if params.name == nil { reader.note("name", "is required") }
                if params.role == nil { reader.note("role", "is required: pendamping_lokal_desa, pendamping_desa or tenaga_ahli") }
                let givenRole = reader.choice(params.role, field: "role", as: FacilitatorRole.self)
                let days = reader.weekdays(params.workingDays, field: "working_days")
                if !reader.problems.isEmpty {
                    // The other fields' problems in the same reply.
                    for problem in Facilitator.problems(
                        name: params.name, capacity: params.capacity, workingDays: nil, email: params.email)
                    {
                        reader.note(problem.field, problem.message)
                    }
                }
                let role = try reader.check("the facilitator cannot be registered", givenRole)
                let facilitator = try await service.registerFacilitator(
                    name: params.name ?? "", role: role, phone: params.phone ?? "", email: params.email ?? "",
                    capacity: params.capacity ?? Facilitator.defaultCapacity,
                    workingDays: days ?? Facilitator.defaultWorkingDays, caller: Self.caller(call))
                return FacilitatorChange(facilitator: wire.facilitator(facilitator))
            },
            RPCMethod(.facilitatorList) { call in
                let params = try call.decodeParams(FacilitatorListParams.self)
                var reader = ParamReader()
                let role = reader.choice(params.role, field: "role", as: FacilitatorRole.self)
                try reader.check("the list cannot be made")
                let list = try await service.facilitators(role: role)
                return FacilitatorList(facilitators: list.map(wire.facilitator))
            },
            RPCMethod(.facilitatorGet) { call in
                let params = try call.decodeParams(IDParams.self)
                var reader = ParamReader()
                let givenId = reader.id(params.id, field: "id", as: FacilitatorKind.self)
                let id = try reader.check("no facilitator can be found by that id", givenId)
                let (facilitator, assignments, history) = try await service.facilitatorWithHistory(id)
                return FacilitatorDetail(
                    facilitator: wire.facilitator(facilitator), assignments: assignments.map(wire.assignment),
                    history: history.map(wire.history))
            },
            RPCMethod(.facilitatorUpdate) { call in
                let params = try call.decodeParams(FacilitatorParams.self)
                var reader = ParamReader()
                let givenId = reader.id(params.id, field: "id", as: FacilitatorKind.self)
                if params.id == nil { reader.note("id", "is required") }
                let role = reader.choice(params.role, field: "role", as: FacilitatorRole.self)
                let days = reader.weekdays(params.workingDays, field: "working_days")
                let id = try reader.check("the facilitator cannot be changed", givenId)
                let changes = WorkflowService.FacilitatorChanges(
                    name: params.name, role: role, phone: params.phone, email: params.email, capacity: params.capacity,
                    workingDays: days)
                let facilitator = try await service.updateFacilitator(id, changes: changes, reason: params.reason ?? "", caller: Self.caller(call))
                return FacilitatorChange(facilitator: wire.facilitator(facilitator))
            },
            RPCMethod(.facilitatorAssign) { call in
                let params = try call.decodeParams(FacilitatorAssignParams.self)
                var reader = ParamReader()
                let givenId = reader.id(params.id, field: "id", as: FacilitatorKind.self)
                let givenRegion = reader.regionCode(params.region, field: "region")
                let givenFrom = reader.localDate(params.from, field: "from")
                let until = reader.localDate(params.until, field: "until")
                let (id, region, from) = try reader.check("the facilitator cannot be assigned", givenId, givenRegion, givenFrom)
                let assigned = try await service.assign(
                    id, region: region, from: from, until: until, reason: params.reason ?? "", caller: Self.caller(call))
                return FacilitatorAssignResult(
                    assignment: wire.assignment(assigned.assignment), ended: assigned.ended.map(wire.assignment),
                    workflows: assigned.workflows.map(\.rawValue))
            },
            RPCMethod(.facilitatorAgenda) { call in
                let params = try call.decodeParams(FacilitatorAgendaParams.self)
                var reader = ParamReader()
                let givenId = reader.id(params.id, field: "id", as: FacilitatorKind.self)
                let from = reader.localDate(params.from, field: "from")
                let through = reader.localDate(params.to, field: "to")
                if let from, let through, through < from { reader.note("to", "\(through) is before from (\(from))") }
                let id = try reader.check("the agenda cannot be made", givenId)
                let agenda = try await service.agenda(of: id, from: from, through: through)
                return FacilitatorAgenda(
                    facilitator: wire.facilitator(agenda.facilitator), from: agenda.from.description,
                    to: agenda.through.description,
                    items: agenda.items.map { task, cadres in AgendaItem(task: wire.task(task), cadres: cadres.map(\.name)) })
            },
        ]
    }
}

extension ParamReader {
    /// Weekday names (monday … sunday, any case) as a set; problems name the entry.
    mutating func weekdays(_ names: [String]?, field: String) -> Set<Weekday>? {
        guard let names else { return nil }
        var days: Set<Weekday> = []
        for (index, name) in names.enumerated() {
            guard let day = Weekday(name: name) else {
                note("\(field)[\(index)]", "'\(name)' is not a weekday (monday … sunday)")
                continue
            }
            days.insert(day)
        }
        return days
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
