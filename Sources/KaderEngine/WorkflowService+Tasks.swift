import Foundation
import KaderCore
import KaderStore

/// Recording what happened to tasks, within what the program's order and the calendar
/// allow: a task waits for the steps it comes after, records only what its step records,
/// and a rescheduled one keeps its place among its step's occurrences and off blackouts.
/// `force` (a reason, kept in the history) records what really happened out of order.
extension WorkflowService {
    public func task(_ id: TaskID) async throws -> WorkflowTask {
        guard let task = try await store.read({ try $0.task(id) }) else {
            throw EngineError.notFound(what: "task", id: id.rawValue)
        }
        return task
    }

    public func tasks(matching query: TaskQuery, page: PageRequest) async throws -> Page<WorkflowTask> {
        try await store.read { try $0.tasks(matching: query, page: page) }
    }

    public func startTask(_ id: TaskID, force: String? = nil, caller: Caller) async throws -> WorkflowTask {
        try await move(id, to: .inProgress, force: force, caller: caller, detail: [:]) { _, _, _ in }
    }

    public func cancelTask(_ id: TaskID, reason: String, caller: Caller) async throws -> WorkflowTask {
        try await move(id, to: .cancelled, caller: caller, detail: reason.isEmpty ? [:] : ["reason": reason]) { _, _, _ in }
    }

    /// Marks a task done with what its step records (the SK's number and date for a
    /// decree), each key one the step knows and each date one that has come. Completing the
    /// decree makes the cadres active; completing the program's last task (the evaluation
    /// of the KPMD program, or a graduation step an operator's program keeps) makes active
    /// cadres `completed`.
    public func completeTask(_ id: TaskID, records: [String: String], force: String? = nil, caller: Caller) async throws
        -> WorkflowTask
    {
        let now = clock.now()
        let directory = self.directory
        return try await move(id, to: .done, force: force, caller: caller, detail: records) { writer, task, context in
            let zone = TimeZone(identifier: task.zoneIdentifier) ?? .gmt
            let place = directory.name(of: task.village).map { "\($0) (\(task.village))" } ?? task.village.description
            let problems = TaskRules.recordProblems(
                records, step: context.step, stepID: task.stepID, today: LocalDate(now, in: zone), place: place)
            guard problems.isEmpty else {
                throw EngineError.invalid(ValidationError("task \(id) cannot be completed", problems: problems))
            }
            task.records.merge(records) { _, new in new }
            guard let workflow = context.workflow else { return }
            let endsProgram = context.isLastStep && task.occurrence == task.occurrences
            let promotion: CadreStatus? =
                if task.kind == .decree {
                    .active
                } else if task.kind == .graduation || endsProgram {
                    .completed
                } else {
                    nil
                }
            if let promotion {
                for cadreID in workflow.cadres {
                    // Only forward: a decree does not undo `completed`, the end not a candidate.
                    guard var cadre = try writer.reader.cadre(cadreID), cadre.status != promotion,
                        promotion == .active ? cadre.status == .candidate : cadre.status == .active
                    else { continue }
                    let from = cadre.status
                    cadre.status = promotion
                    try writer.update(cadre)
                    try writer.record(
                        "updated", entityKind: "cadre", entityID: cadreID.rawValue, caller: caller, at: now,
                        detail: ["fields": "status", "from": from.rawValue, "to": promotion.rawValue, "task": id.rawValue])
                }
            }
        }
    }

    /// Moves a task's window to start at `start` (village time), keeping its length. A due
    /// task whose new window lies ahead is scheduled again. The task keeps its place among
    /// its step's occurrences; a start on a blackout is refused unless `force`d.
    public func rescheduleTask(
        _ id: TaskID, to start: LocalDateTime, reason: String, force: Bool = false, caller: Caller
    ) async throws -> WorkflowTask {
        let now = clock.now()
        let blackouts = self.blackouts
        let directory = self.directory
        return try await store.write { writer in
            guard var task = try writer.reader.task(id) else { throw EngineError.notFound(what: "task", id: id.rawValue) }
            guard task.state == .scheduled || task.state == .due else {
                throw EngineError.conflict(
                    "task \(id) is \(task.state.rawValue); only a scheduled or due task can be rescheduled")
            }
            let zone = TimeZone(identifier: task.zoneIdentifier) ?? .gmt
            let newStart = start.date(in: zone)
            func refuse(_ message: String) -> EngineError {
                .invalid(ValidationError("task \(id) cannot be rescheduled", problems: [FieldProblem(field: "start", message: message)]))
            }
            // Times in messages as kaderctl shows them: the village's clock and zone name.
            let asked = Self.shown(newStart, in: zone)
            guard newStart > now else { throw refuse("\(asked) has already passed; it is \(Self.shown(now, in: zone)) there") }
            let (previous, next) = TaskRules.neighbours(of: task, among: try writer.reader.tasks(of: task.workflowID))
            if let next, newStart >= next.windowStart {
                throw refuse(
                    "\(asked) is not before \(Self.label(next)) (\(next.id), opens \(Self.shown(next.windowStart, in: zone))): "
                        + "\(Self.label(task)) must stay before it; move that one first")
            }
            if let previous, newStart <= previous.windowStart {
                throw refuse(
                    "\(asked) is not after \(Self.label(previous)) (\(previous.id), opens "
                        + "\(Self.shown(previous.windowStart, in: zone))): \(Self.label(task)) must stay after it")
            }
            var detail: [String: String] = [:]
            if let blackout = blackouts.blackout(at: start, in: task.village) {
                let province = directory.province(task.village)?.name ?? "province \(task.village.province)"
                guard force else {
                    throw refuse(
                        "\(start.date) is \(blackout.name), a blackout in \(province); choose another day, or force it "
                            + "with a reason (kaderctl: --force --reason)")
                }
                detail["blackout"] = blackout.name
                detail["forced"] = reason
            }
            let length = task.windowEnd.timeIntervalSince(task.windowStart)
            let old = task.windowStart
            task.windowStart = newStart
            task.windowEnd = newStart.addingTimeInterval(length)
            task.state = .scheduled
            task.updatedAt = now
            // The day was chosen by a person: it stays, and says whether it fits the
            // facilitator's week, so a conflict neither lingers nor goes unsaid.
            if let facilitatorID = task.facilitatorID, let facilitator = try writer.reader.facilitator(facilitatorID) {
                let day = 86_400.0
                let around = try writer.reader.attendance(
                    of: facilitatorID, opening: newStart.addingTimeInterval(-2 * day)..<newStart.addingTimeInterval(2 * day))
                task.conflict = WorkloadBalancer(facilitator: facilitator, existing: around, blackouts: blackouts, now: now)
                    .conflict(of: task)
                if let conflict = task.conflict { detail["conflict"] = conflict }
            }
            try writer.update(task, from: task.state)
            detail["from"] = ISO8601.string(old, in: zone)
            detail["to"] = ISO8601.string(newStart, in: zone)
            if !reason.isEmpty { detail["reason"] = reason }
            try writer.record("rescheduled", entityKind: "task", entityID: id.rawValue, caller: caller, at: now, detail: detail)
            return task
        }
    }

    /// What a task's step rules are read from: its workflow and the step in the program
    /// version the workflow runs. No step when the program does not have it (a plugin's
    /// follow-up) or that version is no longer loaded.
    struct StepContext {
        var workflow: Workflow?
        var step: ProgramStep?
        /// Whether the step is the program's last: its last task ends the program.
        var isLastStep: Bool
    }

    /// One checked state change, with `body` adding the step's own rules and effects inside
    /// the same transaction. Starting or completing waits for the steps the task's step
    /// comes after, unless `force` gives the reason it happened anyway.
    private func move(
        _ id: TaskID, to next: TaskState, force: String? = nil, caller: Caller, detail: [String: String],
        _ body: @escaping @Sendable (StoreWriter, inout WorkflowTask, StepContext) throws -> Void
    ) async throws -> WorkflowTask {
        let now = clock.now()
        let catalog = self.catalog
        // Asked before the transaction, so no plugin runs while the store is held: a hanging
        // one would stall every province's writes for its timeout.
        let planned = try await followUps(before: id, to: next)
        return try await store.write { writer in
            guard var task = try writer.reader.task(id) else { throw EngineError.notFound(what: "task", id: id.rawValue) }
            guard task.state.canMove(to: next) else {
                throw EngineError.conflict(Self.refusal(task: id, from: task.state, to: next))
            }
            if let planned, planned.from != task.state {
                throw EngineError.conflict(
                    "task \(id) was \(planned.from.rawValue) and is now \(task.state.rawValue): another change came first; try again")
            }
            let workflow = try writer.reader.workflow(task.workflowID)
            let program = workflow.flatMap { catalog.entry(id: $0.programID, version: $0.programVersion) }?.program
            let step = program?.step(task.stepID)
            var detail = detail
            if next == .inProgress || next == .done, let step {
                let waiting = TaskRules.unfinishedPredecessors(of: step, among: try writer.reader.tasks(of: task.workflowID))
                if !waiting.isEmpty {
                    guard let force else { throw EngineError.conflict(Self.outOfOrder(task, to: next, waiting: waiting)) }
                    detail["forced"] = force
                    detail["before"] = waiting.map(\.id.rawValue).joined(separator: ",")
                }
            }
            let context = StepContext(
                workflow: workflow, step: step, isLastStep: step != nil && program?.steps.last?.id == task.stepID)
            try body(writer, &task, context)
            if let planned { try self.addFollowUps(planned.steps, after: task, writer: writer, at: now) }
            try Self.transition(&task, to: next, writer: writer, caller: caller, at: now, detail: detail)
            return task
        }
    }

    /// Why a task cannot start or be done yet: the tasks it waits for, a few named.
    static func outOfOrder(_ task: WorkflowTask, to next: TaskState, waiting: [WorkflowTask]) -> String {
        let zone = TimeZone(identifier: task.zoneIdentifier) ?? .gmt
        let named = waiting.prefix(3).map { other in
            "\(label(other)) \(other.id) is \(other.state.rawValue) (opens \(shown(other.windowStart, in: zone)))"
        }
        let more = waiting.count > 3 ? " and \(waiting.count - 3) more" : ""
        let verb = next == .done ? "completed" : "started"
        return "task \(task.id) (\(label(task))) cannot be \(verb) before the steps it comes after have ended: "
            + named.joined(separator: ", ") + more
            + "; record those first, or force it with a reason (kaderctl: --force --reason)"
    }

    /// A time as people in the village read it: `2027-01-29 09:00 WITA`.
    static func shown(_ date: Date, in zone: TimeZone) -> String {
        let local = LocalDateTime(date, in: zone).description
        return local.prefix(10) + " " + local.dropFirst(11).prefix(5) + " " + IndonesianZone.abbreviation(for: zone, at: date)
    }

    /// A task as people name it: its step, and which occurrence when the step repeats.
    static func label(_ task: WorkflowTask) -> String {
        task.occurrences > 1 ? "\(task.stepID) \(task.occurrence)/\(task.occurrences)" : task.stepID
    }

    /// The follow-up steps the province's plugins ask for if the task moves from the state
    /// it has now to `next`; nil when no plugin follows transitions. A plugin failure refuses
    /// the change. A move the task cannot make is left to the transaction to refuse.
    private func followUps(before id: TaskID, to next: TaskState) async throws
        -> (from: TaskState, steps: [(plugin: String, step: PluginMessages.TransitionReply.FollowUp)])?
    {
        guard let plugins, plugins.followsTransitions, let task = try await store.read({ try $0.task(id) }),
            task.state.canMove(to: next)
        else { return nil }
        do {
            return (task.state, try await plugins.followUps(after: task, from: task.state, to: next))
        } catch {
            throw EngineError.plugin(error)
        }
    }

    /// Plans the follow-up tasks the plugins asked for, in the transition's transaction.
    private func addFollowUps(
        _ followUps: [(plugin: String, step: PluginMessages.TransitionReply.FollowUp)], after task: WorkflowTask,
        writer: StoreWriter, at now: Date
    ) throws {
        guard !followUps.isEmpty else { return }
        let zone = TimeZone(identifier: task.zoneIdentifier) ?? .gmt
        let today = LocalDate(now, in: zone)
        let tasks = try followUps.map { followUp in
            let start = try LocalDateTime(
                date: today.adding(days: followUp.step.offset_days ?? 1), hour: ProgramStep.defaultTime.hour,
                minute: ProgramStep.defaultTime.minute)
            return WorkflowTask(
                id: ids.next(), workflowID: task.workflowID, stepID: followUp.step.step,
                kind: StepKind(rawValue: followUp.step.kind), title: followUp.step.title, occurrence: 1, occurrences: 1,
                village: task.village, zoneIdentifier: task.zoneIdentifier, windowStart: start.date(in: zone),
                windowEnd: start.adding(days: followUp.step.duration_days ?? 1).date(in: zone), updatedAt: now)
        }
        try writer.insert(tasks)
        for (added, followUp) in zip(tasks, followUps) {
            try writer.record(
                "planned", entityKind: "task", entityID: added.id.rawValue,
                caller: Caller(uid: nil, agent: "plugin \(followUp.plugin)"), at: now,
                detail: ["workflow": task.workflowID.rawValue, "step": added.stepID, "after": task.id.rawValue])
        }
    }

    /// Moves a task and records it; ends the workflow when its last open task ends, unless
    /// `completing` is false (a pass over many tasks of one workflow then calls
    /// `completeIfFinished` once, not once a task). The caller has checked the move is allowed.
    static func transition(
        _ task: inout WorkflowTask, to next: TaskState, writer: StoreWriter, caller: Caller, at now: Date,
        detail: [String: String] = [:], completing: Bool = true, asRead: Bool = false
    ) throws {
        let from = task.state
        task.state = next
        task.updatedAt = now
        // A task as read changes only its state: written alone, it leaves the indexes of the
        // other columns be (the scheduler and the catch-up move thousands at a time).
        if asRead {
            try writer.move([task.id], from: from, to: next, at: now)
        } else {
            try writer.update(task, from: from)
        }
        try writer.record(
            "moved", entityKind: "task", entityID: task.id.rawValue, caller: caller, at: now,
            detail: detail.merging(["from": from.rawValue, "to": next.rawValue]) { _, new in new })
        if next.isFinal, completing {
            try completeIfFinished(task.workflowID, writer: writer, caller: caller, at: now)
        }
    }

    /// Completes an active workflow whose tasks have all reached a final state.
    static func completeIfFinished(_ workflow: WorkflowID, writer: StoreWriter, caller: Caller, at now: Date) throws {
        guard try writer.reader.tasks(of: workflow).allSatisfy(\.state.isFinal),
            try writer.reader.workflow(workflow)?.state == .active
        else { return }
        try writer.updateState(of: workflow, to: .completed)
        try writer.record("completed", entityKind: "workflow", entityID: workflow.rawValue, caller: caller, at: now)
    }

    static func refusal(task: TaskID, from: TaskState, to next: TaskState) -> String {
        let verb =
            switch next {
            case .inProgress: "started"
            case .done: "completed"
            case .cancelled: "cancelled"
            default: "moved to \(next.rawValue)"
            }
        if from.isFinal { return "task \(task) is \(from.rawValue); a \(from.rawValue) task cannot be \(verb)" }
        return "task \(task) is \(from.rawValue) and cannot be \(verb)"
    }
}
