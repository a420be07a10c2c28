import Foundation
import KaderCore
import KaderStore

/// The facilitator register: Pendamping Desa with their posts and the villages they cover.
/// Every change is one transaction with its history entry, as for cadres.
extension WorkflowService {
    public func registerFacilitator(
        name: String, role: FacilitatorRole, phone: String = "", email: String = "",
        capacity: Int = Facilitator.defaultCapacity, workingDays: Set<Weekday> = Facilitator.defaultWorkingDays,
        caller: Caller
    ) async throws -> Facilitator {
        let problems = Facilitator.problems(name: name, capacity: capacity, workingDays: workingDays, email: email)
        guard problems.isEmpty else {
            throw EngineError.invalid(ValidationError("the facilitator cannot be registered", problems: problems))
        }
        let now = clock.now()
        let facilitator = Facilitator(
            id: ids.next(), name: name.trimmingCharacters(in: .whitespacesAndNewlines), role: role,
            phone: phone.trimmingCharacters(in: .whitespaces), email: email.trimmingCharacters(in: .whitespaces),
            capacity: capacity, workingDays: workingDays, registeredAt: now)
        try await store.write { writer in
            try writer.insert(facilitator)
            try writer.record(
                "registered", entityKind: "facilitator", entityID: facilitator.id.rawValue, caller: caller, at: now,
                detail: ["role": role.rawValue])
        }
        return facilitator
    }

    /// The fields `facilitator.update` may change; nil leaves a field as it is.
    public struct FacilitatorChanges: Sendable {
        public var name: String?
        public var role: FacilitatorRole?
        public var phone: String?
        public var email: String?
        public var capacity: Int?
        public var workingDays: Set<Weekday>?

        public init(
            name: String? = nil, role: FacilitatorRole? = nil, phone: String? = nil, email: String? = nil,
            capacity: Int? = nil, workingDays: Set<Weekday>? = nil
        ) {
            self.name = name
            self.role = role
            self.phone = phone
            self.email = email
            self.capacity = capacity
            self.workingDays = workingDays
        }
    }

    public func updateFacilitator(_ id: FacilitatorID, changes: FacilitatorChanges, reason: String, caller: Caller)
        async throws -> Facilitator
    {
        let problems = Facilitator.problems(
            name: changes.name, capacity: changes.capacity, workingDays: changes.workingDays, email: changes.email)
        guard problems.isEmpty else {
            throw EngineError.invalid(ValidationError("the facilitator cannot be changed so", problems: problems))
        }
        let now = clock.now()
        return try await store.write { writer in
            guard var facilitator = try writer.reader.facilitator(id) else {
                throw EngineError.notFound(what: "facilitator", id: id.rawValue)
            }
            // Names only: a phone or e-mail is personal data, and the history is read by many.
            var changed: [String] = []
            func set<Value: Equatable>(_ value: Value?, _ keyPath: WritableKeyPath<Facilitator, Value>, _ name: String) {
                guard let value, facilitator[keyPath: keyPath] != value else { return }
                facilitator[keyPath: keyPath] = value
                changed.append(name)
            }
            set(changes.name?.trimmingCharacters(in: .whitespacesAndNewlines), \.name, "name")
            set(changes.role, \.role, "role")
            set(changes.phone?.trimmingCharacters(in: .whitespaces), \.phone, "phone")
            set(changes.email?.trimmingCharacters(in: .whitespaces), \.email, "email")
            set(changes.capacity, \.capacity, "capacity")
            set(changes.workingDays, \.workingDays, "working_days")
            guard !changed.isEmpty else { return facilitator }
            try writer.update(facilitator)
            var detail = ["fields": changed.joined(separator: ",")]
            if !reason.isEmpty { detail["reason"] = reason }
            try writer.record("updated", entityKind: "facilitator", entityID: id.rawValue, caller: caller, at: now, detail: detail)
            return facilitator
        }
    }

    public func facilitators(role: FacilitatorRole?) async throws -> [Facilitator] {
        try await store.read { try $0.facilitators(role: role) }
    }

    /// What an assignment changed: the other facilitators' assignments of the region it
    /// ended, and the active workflows that now have this facilitator.
    public struct Assigned: Sendable {
        public var assignment: FacilitatorAssignment
        public var ended: [FacilitatorAssignment]
        public var workflows: [WorkflowID]
    }

    /// Assigns a village, or a whole district, to a facilitator from `from` (until `until`).
    /// Another facilitator's open assignment of the same region ends the day before; the
    /// active workflows of the villages covered pass to this facilitator, and the history
    /// of each says so.
    public func assign(
        _ id: FacilitatorID, region: RegionCode, from: LocalDate, until: LocalDate?, reason: String, caller: Caller
    ) async throws -> Assigned {
        var problems: [FieldProblem] = []
        if region.level != .village && region.level != .district {
            problems.append(
                FieldProblem(field: "region", message: "\(region) is a \(region.level.rawValue) code; assign a village or a district"))
        } else if directory.region(region) == nil {
            problems.append(FieldProblem(field: "region", message: "no \(region.level.rawValue) has the code \(region)"))
        }
        if let until, until < from {
            problems.append(FieldProblem(field: "until", message: "\(until) is before from (\(from))"))
        }
        guard problems.isEmpty else {
            throw EngineError.invalid(ValidationError("the facilitator cannot be assigned", problems: problems))
        }
        let now = clock.now()
        let assignment = FacilitatorAssignment(facilitator: id, region: region, from: from, until: until)
        let catalog = self.catalog
        let blackouts = self.blackouts
        return try await store.write { writer in
            guard let facilitator = try writer.reader.facilitator(id) else {
                throw EngineError.notFound(what: "facilitator", id: id.rawValue)
            }
            let ended = try writer.endAssignments(of: region, on: from.adding(days: -1), keeping: id)
            try writer.insert(assignment)
            var detail = ["region": region.description, "from": from.description]
            if let until { detail["until"] = until.description }
            if !reason.isEmpty { detail["reason"] = reason }
            try writer.record("assigned", entityKind: "facilitator", entityID: id.rawValue, caller: caller, at: now, detail: detail)
            for previous in ended {
                try writer.record(
                    "assignment_ended", entityKind: "facilitator", entityID: previous.facilitator.rawValue, caller: caller,
                    at: now, detail: ["region": region.description, "until": from.adding(days: -1).description, "to": id.rawValue])
            }
            var moved: [WorkflowID] = []
            for workflowID in try writer.reader.activeWorkflows(within: region) {
                guard let workflow = try writer.reader.workflow(workflowID), workflow.facilitatorID != id,
                    try writer.reader.facilitator(covering: workflow.village, on: max(from, workflow.startDate)) == id
                else { continue }
                try writer.setFacilitator(id, of: workflowID)
                var why = ["from": workflow.facilitatorID?.rawValue ?? "", "to": id.rawValue, "region": region.description]
                if !reason.isEmpty { why["reason"] = reason }
                try writer.record(
                    "facilitator_changed", entityKind: "workflow", entityID: workflowID.rawValue, caller: caller, at: now,
                    detail: why)
                if let program = catalog.entry(id: workflow.programID, version: workflow.programVersion)?.program {
                    try Self.replan(
                        workflow, program: program, to: facilitator, from: from, reason: reason, writer: writer,
                        blackouts: blackouts, caller: caller, now: now)
                }
                moved.append(workflowID)
            }
            return Assigned(assignment: assignment, ended: ended, workflows: moved)
        }
    }

    /// Gives the tasks of the steps a facilitator attends to `facilitator` and places them
    /// within their week (`WorkloadBalancer`), in the caller's transaction. Returns, by
    /// task, what the history says of it: the day it moved from and why, or its conflict.
    static func balance(
        _ tasks: inout [WorkflowTask], program: Program, facilitator: Facilitator, reader: StoreReader,
        blackouts: BlackoutCalendar, now: Date
    ) throws -> [TaskID: [String: String]] {
        let attended = tasks.indices.filter { index in
            program.step(tasks[index].stepID)?.attended ?? false
        }
        guard let first = attended.map({ tasks[$0].windowStart }).min(),
            let last = attended.map({ tasks[$0].windowStart }).max()
        else { return [:] }
        let margin = TimeInterval((program.steps.map(\.flexDays).max() ?? 0) + 2) * 86_400
        // The tasks being placed are not in the facilitator's attendance yet: new, or still
        // another facilitator's in the store.
        let existing = try reader.attendance(
            of: facilitator.id, opening: first.addingTimeInterval(-margin)..<last.addingTimeInterval(margin))
        var balancer = WorkloadBalancer(facilitator: facilitator, existing: existing, blackouts: blackouts, now: now)
        var lastDay: [String: LocalDate] = [:]
        var notes: [TaskID: [String: String]] = [:]
        for index in attended.sorted(by: { tasks[$0].windowStart < tasks[$1].windowStart }) {
            let step = program.step(tasks[index].stepID)
            let placement = balancer.place(tasks[index], flexDays: step?.flexDays ?? 0, after: lastDay[tasks[index].stepID])
            let zone = TimeZone(identifier: tasks[index].zoneIdentifier) ?? .gmt
            tasks[index].facilitatorID = facilitator.id
            tasks[index].windowStart = placement.windowStart
            tasks[index].windowEnd = placement.windowEnd
            tasks[index].conflict = placement.conflict
            lastDay[tasks[index].stepID] = LocalDate(placement.windowStart, in: zone)
            if let from = placement.movedFrom {
                notes[tasks[index].id] = [
                    "facilitator": facilitator.id.rawValue, "balanced_from": from.description,
                    "reason": "\(facilitator.name)'s day \(from) was full or not a working day",
                ]
            } else if let conflict = placement.conflict {
                notes[tasks[index].id] = ["facilitator": facilitator.id.rawValue, "conflict": conflict]
            } else {
                notes[tasks[index].id] = ["facilitator": facilitator.id.rawValue]
            }
        }
        return notes
    }

    /// Gives a workflow's future attended tasks (scheduled, opening on or after `from` and
    /// after now) to `facilitator` and places them in their week. Done and past tasks never
    /// move; each task that changes says why in its history.
    static func replan(
        _ workflow: Workflow, program: Program, to facilitator: Facilitator, from: LocalDate, reason: String,
        writer: StoreWriter, blackouts: BlackoutCalendar, caller: Caller, now: Date
    ) throws {
        let zone = TimeZone(identifier: workflow.zoneIdentifier) ?? .gmt
        let boundary = max(now, from.date(in: zone))
        let all = try writer.reader.tasks(of: workflow.id)
        var future = all.filter { task in
            task.state == .scheduled && task.windowStart >= boundary && (program.step(task.stepID)?.attended ?? false)
        }
        guard !future.isEmpty else { return }
        let before = Dictionary(uniqueKeysWithValues: future.map { ($0.id, $0) })
        let notes = try balance(
            &future, program: program, facilitator: facilitator, reader: writer.reader, blackouts: blackouts, now: now)
        for var task in future {
            let old = before[task.id]!
            task.updatedAt = now
            try writer.update(task, from: old.state)
            var detail = notes[task.id] ?? [:]
            detail["from_facilitator"] = old.facilitatorID?.rawValue ?? ""
            if old.windowStart != task.windowStart {
                detail["from"] = ISO8601.string(old.windowStart, in: zone)
                detail["to"] = ISO8601.string(task.windowStart, in: zone)
            }
            detail["reason"] = "village reassigned to \(facilitator.name)" + (reason.isEmpty ? "" : ": \(reason)")
            try writer.record("reassigned", entityKind: "task", entityID: task.id.rawValue, caller: caller, at: now, detail: detail)
        }
    }

    /// A facilitator's tasks opening from `from` (default today, WIB) through `through`
    /// (default 30 days on), days on each task's own village calendar, in the order they
    /// open, with their cadres.
    public func agenda(of id: FacilitatorID, from: LocalDate?, through: LocalDate?) async throws
        -> (facilitator: Facilitator, from: LocalDate, through: LocalDate, items: [(WorkflowTask, [Cadre])])
    {
        let from = from ?? LocalDate(clock.now(), in: TimeZone(identifier: "Asia/Jakarta")!)
        let through = through ?? from.adding(days: 30)
        let found = try await store.read { reader -> (Facilitator, [(WorkflowTask, [Cadre])])? in
            guard let facilitator = try reader.facilitator(id) else { return nil }
            var cadresOf: [WorkflowID: [Cadre]] = [:]
            let items = try reader.tasks(matching: TaskQuery(facilitator: id), openingFrom: from, through: through).map {
                task in
                if cadresOf[task.workflowID] == nil {
                    cadresOf[task.workflowID] = try reader.workflow(task.workflowID).map { try reader.cadres($0.cadres) } ?? []
                }
                return (task, cadresOf[task.workflowID] ?? [])
            }
            return (facilitator, items)
        }
        guard let found else { throw EngineError.notFound(what: "facilitator", id: id.rawValue) }
        return (found.0, from, through, found.1)
    }
}
