import KaderCore
import KaderEngine
import KaderRPC

/// The checked inputs of the `facilitator.*` methods.
enum FacilitatorInput {
    struct Register: MethodInput {
        let name: String
        let role: FacilitatorRole
        let phone: String
        let email: String
        let capacity: Int
        let workingDays: Set<Weekday>

        init(_ params: FacilitatorParams, in directory: RegionDirectory) throws(RPCError) {
            var reader = ParamReader()
            if params.name == nil { reader.note("name", "is required") }
            if params.role == nil { reader.note("role", "is required: pendamping_lokal_desa, pendamping_desa or tenaga_ahli") }
            let role = reader.choice(params.role, field: "role", as: FacilitatorRole.self)
            let days = reader.weekdays(params.workingDays, field: "working_days")
            if !reader.problems.isEmpty {
                // The other fields' problems in the same reply; the engine checks them otherwise.
                for problem in Facilitator.problems(
                    name: params.name, capacity: params.capacity, workingDays: nil, email: params.email)
                {
                    reader.note(problem.field, problem.message)
                }
            }
            self.role = try reader.check("the facilitator cannot be registered", role)
            name = params.name ?? ""
            phone = params.phone ?? ""
            email = params.email ?? ""
            capacity = params.capacity ?? Facilitator.defaultCapacity
            workingDays = days ?? Facilitator.defaultWorkingDays
        }
    }

    struct List: MethodInput {
        let role: FacilitatorRole?

        init(_ params: FacilitatorListParams, in directory: RegionDirectory) throws(RPCError) {
            var reader = ParamReader()
            role = reader.choice(params.role, field: "role", as: FacilitatorRole.self)
            try reader.check("the list cannot be made")
        }
    }

    struct Update: MethodInput {
        let id: FacilitatorID
        let changes: WorkflowService.FacilitatorChanges
        let reason: String

        init(_ params: FacilitatorParams, in directory: RegionDirectory) throws(RPCError) {
            var reader = ParamReader()
            let id = reader.id(params.id, field: "id", as: FacilitatorKind.self)
            if params.id == nil { reader.note("id", "is required") }
            let role = reader.choice(params.role, field: "role", as: FacilitatorRole.self)
            let days = reader.weekdays(params.workingDays, field: "working_days")
            self.id = try reader.check("the facilitator cannot be changed", id)
            changes = WorkflowService.FacilitatorChanges(
                name: params.name, role: role, phone: params.phone, email: params.email, capacity: params.capacity,
                workingDays: days)
            reason = params.reason ?? ""
        }
    }

    struct Assign: MethodInput {
        let id: FacilitatorID
        let region: RegionCode
        let from: LocalDate
        let until: LocalDate?
        let reason: String

        init(_ params: FacilitatorAssignParams, in directory: RegionDirectory) throws(RPCError) {
            var reader = ParamReader()
            let id = reader.id(params.id, field: "id", as: FacilitatorKind.self)
            let region = reader.regionCode(params.region, field: "region", directory: directory)
            let from = reader.localDate(params.from, field: "from")
            until = reader.localDate(params.until, field: "until")
            (self.id, self.region, self.from) = try reader.check("the facilitator cannot be assigned", id, region, from)
            reason = params.reason ?? ""
        }
    }

    struct Agenda: MethodInput {
        let id: FacilitatorID
        /// The first and last days listed; the engine's defaults when nil.
        let from: LocalDate?
        let through: LocalDate?

        init(_ params: FacilitatorAgendaParams, in directory: RegionDirectory) throws(RPCError) {
            var reader = ParamReader()
            let id = reader.id(params.id, field: "id", as: FacilitatorKind.self)
            (from, through) = reader.days(from: params.from, to: params.to)
            self.id = try reader.check("the agenda cannot be made", id)
        }
    }
}

extension ParamReader {
    /// Weekday names (monday … sunday, any case) as a set; problems name the entry.
    fileprivate mutating func weekdays(_ names: [String]?, field: String) -> Set<Weekday>? {
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
