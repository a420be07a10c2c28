import Foundation
import KaderCore
import KaderStore
import Synchronization

/// The rules of kaderisasi over the store: who may be registered, how a program becomes a
/// workflow's tasks, and which task changes are allowed. Every change is one transaction
/// with its history entries.
public final class WorkflowService: Sendable {
    public let store: KaderStore
    /// Read on first use, not at start: loading every region takes a moment that a daemon
    /// about to answer `daemon.status` should not spend before it is ready.
    private let loadDirectory: @Sendable () -> RegionDirectory
    private let clock: any WallClock
    private let ids = IDGenerator()
    private let catalogBox: Mutex<ProgramCatalog>
    private let blackoutsBox: Mutex<BlackoutCalendar>
    private let pluginsBox: Mutex<PluginHost?>

    public init(
        store: KaderStore, directory: @escaping @autoclosure @Sendable () -> RegionDirectory, catalog: ProgramCatalog,
        clock: any WallClock,
        blackouts: BlackoutCalendar = .national
    ) {
        self.store = store
        self.loadDirectory = directory
        self.clock = clock
        self.catalogBox = Mutex(catalog)
        self.blackoutsBox = Mutex(blackouts)
        self.pluginsBox = Mutex(nil)
    }

    /// The plugins in use; replaced as a whole on reload, with the blackouts they add.
    public var plugins: PluginHost? {
        get { pluginsBox.withLock { $0 } }
        set { pluginsBox.withLock { $0 = newValue } }
    }

    public var directory: RegionDirectory { loadDirectory() }

    /// The programs as last loaded; replaced as a whole on reload.
    public var catalog: ProgramCatalog {
        get { catalogBox.withLock { $0 } }
        set { catalogBox.withLock { $0 = newValue } }
    }

    /// The days on which no task may open: the national holidays, and what plugins add.
    public var blackouts: BlackoutCalendar {
        get { blackoutsBox.withLock { $0 } }
        set { blackoutsBox.withLock { $0 = newValue } }
    }

    private var currentYear: Int {
        Calendar(identifier: .gregorian).component(.year, from: clock.now())
    }

    // MARK: Cadres

    /// Registers all the drafts or none. Problems of a batch name the draft by index
    /// (`cadres[3].village`), so an import can point at the line.
    public func registerCadres(_ drafts: [CadreDraft], asBatch: Bool, caller: Caller) async throws -> [Cadre] {
        let year = currentYear
        var problems: [FieldProblem] = []
        for (index, draft) in drafts.enumerated() {
            let prefix = asBatch ? "cadres[\(index)]." : ""
            var found = draft.problems(directory: directory, currentYear: year)
            if found.isEmpty, let plugins {
                do {
                    found = try plugins.problems(with: draft)
                } catch {
                    throw EngineError.plugin(error)
                }
            }
            problems += found.map { FieldProblem(field: prefix + $0.field, message: $0.message) }
        }
        guard problems.isEmpty else {
            throw EngineError.invalid(ValidationError("the cadre cannot be registered", problems: problems))
        }
        let now = clock.now()
        let cadres = drafts.map { draft in
            Cadre(
                id: ids.next(), name: draft.name.trimmingCharacters(in: .whitespacesAndNewlines), sex: draft.sex,
                birthYear: draft.birthYear, education: draft.education, courses: draft.courses, field: draft.field,
                village: draft.village, address: draft.address, status: draft.status, notes: draft.notes,
                registeredAt: now)
        }
        try await store.write { writer in
            for cadre in cadres {
                try writer.insert(cadre)
                try writer.record(
                    "registered", entityKind: "cadre", entityID: cadre.id.rawValue, caller: caller, at: now,
                    detail: ["village": cadre.village.description])
            }
        }
        return cadres
    }

    public func updateCadre(_ id: CadreID, changes: CadreChanges, caller: Caller) async throws -> Cadre {
        let directory = self.directory
        let year = currentYear
        let now = clock.now()
        return try await store.write { writer in
            guard var cadre = try writer.reader.cadre(id) else { throw EngineError.notFound(what: "cadre", id: id.rawValue) }
            var draft = CadreDraft(cadre)
            let changed = changes.apply(to: &draft)
            let problems = draft.problems(directory: directory, currentYear: year)
            guard problems.isEmpty else {
                throw EngineError.invalid(ValidationError("the cadre cannot be changed so", problems: problems))
            }
            guard !changed.isEmpty else { return cadre }
            cadre = Cadre(
                id: cadre.id, name: draft.name, sex: draft.sex, birthYear: draft.birthYear, education: draft.education,
                courses: draft.courses, field: draft.field, village: draft.village, address: draft.address,
                status: draft.status, notes: draft.notes, registeredAt: cadre.registeredAt)
            try writer.update(cadre)
            try writer.record(
                "updated", entityKind: "cadre", entityID: id.rawValue, caller: caller, at: now,
                detail: ["fields": changed.joined(separator: ",")])
            return cadre
        }
    }

    public func cadre(_ id: CadreID) async throws -> Cadre {
        guard let cadre = try await store.read({ try $0.cadre(id) }) else {
            throw EngineError.notFound(what: "cadre", id: id.rawValue)
        }
        return cadre
    }

    public func cadres(matching query: CadreQuery, page: PageRequest) async throws -> Page<Cadre> {
        try await store.read { try $0.cadres(matching: query, page: page) }
    }

    // MARK: Workflows

    /// Starts a program for one cadre or a cohort of one village: plans every task in the
    /// village's zone and stores them with the workflow.
    public func startWorkflow(
        program programID: String, version: Int?, cadres cadreIDs: [CadreID], facilitator: String = "",
        startDate: LocalDate, caller: Caller
    ) async throws -> (Workflow, [WorkflowTask]) {
        guard let entry = catalog.entry(id: programID, version: version) else {
            let what = version.map { "version \($0) of program" } ?? "program"
            throw EngineError.notFound(what: what, id: programID)
        }
        var problems: [FieldProblem] = []
        if cadreIDs.isEmpty { problems.append(FieldProblem(field: "cadres", message: "name at least one cadre")) }
        if Set(cadreIDs).count != cadreIDs.count {
            problems.append(FieldProblem(field: "cadres", message: "a cadre is named twice"))
        }
        guard problems.isEmpty else { throw EngineError.invalid(ValidationError("the workflow cannot start", problems: problems)) }

        let program = try await adaptedForVillage(entry.program, cadres: cadreIDs)
        let directory = self.directory
        let now = clock.now()
        let workflowID: WorkflowID = ids.next()
        let ids = self.ids
        let blackouts = self.blackouts
        return try await store.write { writer in
            let reader = writer.reader
            var cadres: [Cadre] = []
            for id in cadreIDs {
                guard let cadre = try reader.cadre(id) else { throw EngineError.notFound(what: "cadre", id: id.rawValue) }
                cadres.append(cadre)
            }
            let village = cadres[0].village
            if let other = cadres.first(where: { $0.village != village }) {
                throw EngineError.invalid(
                    ValidationError(
                        "a cohort is the cadres of one village",
                        problems: [
                            FieldProblem(
                                field: "cadres",
                                message: "\(other.id) lives in \(other.village), \(cadres[0].id) in \(village)")
                        ]))
            }
            for cadre in cadres {
                if let running = try reader.activeWorkflows(of: cadre.id, program: program.id).first {
                    throw EngineError.conflict(
                        "cadre \(cadre.id) is already in workflow \(running) of program '\(program.id)'; cancel it first")
                }
            }
            guard let province = directory.province(village) else {
                throw EngineError.notFound(what: "province of village", id: village.description)
            }
            // Tasks of a past start would be missed as soon as they are made.
            let today = LocalDate(now, in: province.timeZone)
            guard startDate >= today else {
                throw EngineError.invalid(
                    ValidationError(
                        "the workflow cannot start in the past",
                        problems: [
                            FieldProblem(
                                field: "start_date",
                                message: "\(startDate) has passed; it is \(today) in \(village) (\(province.name))")
                        ]))
            }
            let plan: [PlannedTask]
            do {
                plan = try WorkflowPlanner.plan(program, start: startDate, province: province, blackouts: blackouts)
            } catch let error as BlackoutError {
                throw EngineError.conflict("the tasks cannot be planned in \(province.name): \(error)")
            }
            let workflow = Workflow(
                id: workflowID, programID: program.id, programVersion: program.version, village: village,
                zoneIdentifier: province.ianaIdentifier, cadres: cadreIDs,
                facilitator: facilitator.trimmingCharacters(in: .whitespacesAndNewlines), startDate: startDate, createdAt: now)
            let tasks = plan.map { planned in
                WorkflowTask(
                    id: ids.next(), workflowID: workflowID, stepID: planned.stepID, kind: planned.kind,
                    title: planned.title, occurrence: planned.occurrence, occurrences: planned.occurrences,
                    village: village, zoneIdentifier: province.ianaIdentifier, windowStart: planned.windowStart,
                    windowEnd: planned.windowEnd, updatedAt: now)
            }
            try writer.insert(workflow, tasks: tasks)
            try writer.record(
                "started", entityKind: "workflow", entityID: workflowID.rawValue, caller: caller, at: now,
                detail: [
                    "program": "\(program.id)@\(program.version)", "start_date": startDate.description,
                    "tasks": String(tasks.count),
                ])
            for (task, planned) in zip(tasks, plan) {
                var detail = ["workflow": workflowID.rawValue, "step": task.stepID]
                if let shift = planned.shift {
                    // Why the task opens on another day than its program says, for whoever asks.
                    detail["shifted_from"] = ISO8601.string(shift.original.date(in: province.timeZone), in: province.timeZone)
                    detail["blackout"] = shift.blackout.name
                }
                try writer.record("planned", entityKind: "task", entityID: task.id.rawValue, caller: caller, at: now, detail: detail)
            }
            return (workflow, tasks)
        }
    }

    /// The program as the plugins of the cadres' province change it; read before the
    /// transaction, so no plugin runs while the store is held.
    private func adaptedForVillage(_ program: Program, cadres: [CadreID]) async throws -> Program {
        guard let plugins, plugins.adaptsPrograms, let first = cadres.first,
            let village = try await store.read({ try $0.cadre(first)?.village })
        else { return program }
        do {
            return try plugins.adapt(program, for: village)
        } catch {
            throw EngineError.plugin(error)
        }
    }

    public func workflow(_ id: WorkflowID) async throws -> (Workflow, [WorkflowTask]) {
        let found = try await store.read { reader -> (Workflow, [WorkflowTask])? in
            guard let workflow = try reader.workflow(id) else { return nil }
            return (workflow, try reader.tasks(of: id))
        }
        guard let found else { throw EngineError.notFound(what: "workflow", id: id.rawValue) }
        return found
    }

    public func workflows(matching query: WorkflowQuery, page: PageRequest) async throws -> Page<Workflow> {
        try await store.read { try $0.workflows(matching: query, page: page) }
    }

    /// Cancels the workflow and every task of it that has not ended.
    public func cancelWorkflow(_ id: WorkflowID, reason: String, caller: Caller) async throws -> (Workflow, [WorkflowTask]) {
        let now = clock.now()
        return try await store.write { writer in
            guard var workflow = try writer.reader.workflow(id) else {
                throw EngineError.notFound(what: "workflow", id: id.rawValue)
            }
            guard workflow.state == .active else {
                throw EngineError.conflict("workflow \(id) is \(workflow.state.rawValue); only an active workflow can be cancelled")
            }
            var tasks = try writer.reader.tasks(of: id)
            for index in tasks.indices where !tasks[index].state.isFinal {
                let from = tasks[index].state
                tasks[index].state = .cancelled
                tasks[index].updatedAt = now
                try writer.update(tasks[index])
                try writer.record(
                    "moved", entityKind: "task", entityID: tasks[index].id.rawValue, caller: caller, at: now,
                    detail: ["from": from.rawValue, "to": TaskState.cancelled.rawValue, "reason": "workflow cancelled"])
            }
            workflow.state = .cancelled
            try writer.updateState(of: id, to: .cancelled)
            try writer.record(
                "cancelled", entityKind: "workflow", entityID: id.rawValue, caller: caller, at: now,
                detail: reason.isEmpty ? [:] : ["reason": reason])
            return (workflow, tasks)
        }
    }

    // MARK: Tasks

    public func task(_ id: TaskID) async throws -> WorkflowTask {
        guard let task = try await store.read({ try $0.task(id) }) else {
            throw EngineError.notFound(what: "task", id: id.rawValue)
        }
        return task
    }

    public func tasks(matching query: TaskQuery, page: PageRequest) async throws -> Page<WorkflowTask> {
        try await store.read { try $0.tasks(matching: query, page: page) }
    }

    public func startTask(_ id: TaskID, caller: Caller) async throws -> WorkflowTask {
        try await move(id, to: .inProgress, caller: caller, detail: [:]) { _, _ in }
    }

    public func cancelTask(_ id: TaskID, reason: String, caller: Caller) async throws -> WorkflowTask {
        try await move(id, to: .cancelled, caller: caller, detail: reason.isEmpty ? [:] : ["reason": reason]) { _, _ in }
    }

    /// Marks a task done with what its step requires recorded (the SK's number and date for a
    /// decree). Completing the decree makes the cadres active; completing the graduation
    /// makes them graduated Kader Desa.
    public func completeTask(_ id: TaskID, records: [String: String], caller: Caller) async throws -> WorkflowTask {
        let catalog = self.catalog
        let now = clock.now()
        return try await move(id, to: .done, caller: caller, detail: records) { writer, task in
            let workflow = try writer.reader.workflow(task.workflowID)
            let step = workflow.flatMap { catalog.entry(id: $0.programID, version: $0.programVersion) }?
                .program.step(task.stepID)
            var problems: [FieldProblem] = []
            for name in step?.records ?? [] {
                let value = records[name]?.trimmingCharacters(in: .whitespaces) ?? ""
                if value.isEmpty {
                    problems.append(FieldProblem(field: "records.\(name)", message: "is required to complete \(task.stepID)"))
                } else if name.hasSuffix("_date"), (try? LocalDate(parsing: value)) == nil {
                    problems.append(FieldProblem(field: "records.\(name)", message: "'\(value)' is not a date (YYYY-MM-DD)"))
                }
            }
            guard problems.isEmpty else {
                throw EngineError.invalid(ValidationError("task \(id) cannot be completed", problems: problems))
            }
            task.records.merge(records) { _, new in new }
            guard let workflow else { return }
            let promotion: CadreStatus? =
                switch task.kind {
                case .decree: .active
                case .graduation: .graduated
                default: nil
                }
            if let promotion {
                for cadreID in workflow.cadres {
                    guard var cadre = try writer.reader.cadre(cadreID), cadre.status != promotion,
                        cadre.status != .inactive
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
    /// task whose new window lies ahead is scheduled again.
    public func rescheduleTask(_ id: TaskID, to start: LocalDateTime, reason: String, caller: Caller) async throws
        -> WorkflowTask
    {
        let now = clock.now()
        return try await store.write { writer in
            guard var task = try writer.reader.task(id) else { throw EngineError.notFound(what: "task", id: id.rawValue) }
            guard task.state == .scheduled || task.state == .due else {
                throw EngineError.conflict(
                    "task \(id) is \(task.state.rawValue); only a scheduled or due task can be rescheduled")
            }
            let zone = TimeZone(identifier: task.zoneIdentifier) ?? .gmt
            let newStart = start.date(in: zone)
            guard newStart > now else {
                throw EngineError.invalid(
                    ValidationError(
                        "task \(id) cannot be rescheduled", problems: [FieldProblem(field: "start", message: "\(start) has already passed")]))
            }
            let length = task.windowEnd.timeIntervalSince(task.windowStart)
            let old = task.windowStart
            task.windowStart = newStart
            task.windowEnd = newStart.addingTimeInterval(length)
            task.state = .scheduled
            task.updatedAt = now
            try writer.update(task)
            var detail = ["from": ISO8601.string(old, in: zone), "to": ISO8601.string(newStart, in: zone)]
            if !reason.isEmpty { detail["reason"] = reason }
            try writer.record("rescheduled", entityKind: "task", entityID: id.rawValue, caller: caller, at: now, detail: detail)
            return task
        }
    }

    /// One checked state change, with `body` adding the step's own rules and effects inside
    /// the same transaction.
    private func move(
        _ id: TaskID, to next: TaskState, caller: Caller, detail: [String: String],
        _ body: @escaping @Sendable (StoreWriter, inout WorkflowTask) throws -> Void
    ) async throws -> WorkflowTask {
        let now = clock.now()
        return try await store.write { writer in
            guard var task = try writer.reader.task(id) else { throw EngineError.notFound(what: "task", id: id.rawValue) }
            guard task.state.canMove(to: next) else {
                throw EngineError.conflict(Self.refusal(task: id, from: task.state, to: next))
            }
            try body(writer, &task)
            try self.addFollowUps(after: task, to: next, writer: writer, at: now)
            try Self.transition(&task, to: next, writer: writer, caller: caller, at: now, detail: detail)
            return task
        }
    }

    /// Plans the follow-up tasks the province's plugins ask for after a transition, in the
    /// same transaction: a plugin failure refuses the whole change.
    private func addFollowUps(after task: WorkflowTask, to next: TaskState, writer: StoreWriter, at now: Date) throws {
        guard let plugins else { return }
        let followUps: [(plugin: String, step: PluginMessages.TransitionReply.FollowUp)]
        do {
            followUps = try plugins.followUps(after: task, from: task.state, to: next)
        } catch {
            throw EngineError.plugin(error)
        }
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

    /// Moves a task and records it; ends the workflow when its last open task ends. The
    /// caller has checked that the move is allowed.
    static func transition(
        _ task: inout WorkflowTask, to next: TaskState, writer: StoreWriter, caller: Caller, at now: Date,
        detail: [String: String] = [:]
    ) throws {
        let from = task.state
        task.state = next
        task.updatedAt = now
        try writer.update(task)
        try writer.record(
            "moved", entityKind: "task", entityID: task.id.rawValue, caller: caller, at: now,
            detail: detail.merging(["from": from.rawValue, "to": next.rawValue]) { _, new in new })
        if next.isFinal, try writer.reader.tasks(of: task.workflowID).allSatisfy(\.state.isFinal),
            try writer.reader.workflow(task.workflowID)?.state == .active
        {
            try writer.updateState(of: task.workflowID, to: .completed)
            try writer.record(
                "completed", entityKind: "workflow", entityID: task.workflowID.rawValue, caller: caller, at: now)
        }
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

    // MARK: Reports

    /// The Buku Kader of a village: every cadre ever registered there, in order.
    public func kaderBook(village: RegionCode) async throws -> KaderBook {
        guard village.level == .village, directory.region(village) != nil else {
            throw EngineError.notFound(what: "village", id: village.description)
        }
        let year = currentYear
        let cadres = try await store.read { try $0.cadres(inVillage: village) }
        let rows = cadres.enumerated().map { index, cadre in
            KaderBook.Row(
                number: index + 1, cadre: cadre.id, name: cadre.name, age: cadre.age(in: year),
                sex: cadre.sex.registerLetter,
                educationAndCourses: ([cadre.education] + cadre.courses).filter { !$0.isEmpty }.joined(separator: "; "),
                field: cadre.field, address: cadre.address,
                remarks: ([Self.remark(cadre.status)] + (cadre.notes.isEmpty ? [] : [cadre.notes])).joined(separator: "; "))
        }
        return KaderBook(year: year, rows: rows)
    }

    private static func remark(_ status: CadreStatus) -> String {
        switch status {
        case .candidate: "Calon KPMD"
        case .active: "KPMD aktif"
        case .graduated: "Kader Desa"
        case .inactive: "Tidak aktif"
        }
    }
}
