import Foundation
import KaderCore
import KaderStore
import Synchronization

/// The rules of kaderisasi over the store: who may be registered, how a program becomes a
/// workflow's tasks, and which task changes are allowed. Every change is one transaction
/// with its history entries.
public final class WorkflowService: Sendable {
    public let store: any Store
    /// Read on first use, not at start: loading every region takes a moment that a daemon
    /// about to answer `daemon.status` should not spend before it is ready.
    private let loadDirectory: @Sendable () -> RegionDirectory
    let clock: any WallClock
    let ids = IDGenerator()
    private let catalogBox: Mutex<ProgramCatalog>
    private let blackoutsBox: Mutex<BlackoutCalendar>
    private let pluginsBox: Mutex<PluginHost?>

    public init(
        store: any Store, directory: @escaping @autoclosure @Sendable () -> RegionDirectory, catalog: ProgramCatalog,
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

    var currentYear: Int {
        Calendar(identifier: .gregorian).component(.year, from: clock.now())
    }

    // MARK: Workflows

    /// Starts a program for one cadre or a cohort of one village: plans every task in the
    /// village's zone and stores them with the workflow.
    public func startWorkflow(
        program programID: String, version: Int?, cadres cadreIDs: [CadreID], facilitatorID: FacilitatorID? = nil,
        facilitator: String = "", startDate: LocalDate, caller: Caller
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
            // A program runs only in the kinds of village it is for (no kelurahan has a Musyawarah Desa).
            if let kind = village.villageKind, !program.isFor(kind) {
                throw EngineError.invalid(
                    ValidationError(
                        "the workflow cannot start",
                        problems: [
                            Self.villageKindProblem(
                                program, village: village, kind: kind, directory: directory, catalog: self.catalog)
                        ]))
            }
            for cadre in cadres {
                if let withdrawal = cadre.withdrawal { throw EngineError.conflict(Self.withdrawn(cadre, withdrawal)) }
                if cadre.status == .inactive {
                    throw EngineError.conflict(
                        "cadre \(cadre.id) (\(cadre.name)) is inactive; make them a candidate or active again "
                            + "(cadre.update status) before starting a workflow for them")
                }
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
                plan = try WorkflowPlanner.plan(
                    program, start: startDate, province: province, village: village, blackouts: blackouts)
            } catch let error as BlackoutError {
                throw EngineError.conflict("the tasks cannot be planned in \(province.name): \(error)")
            }
            // The facilitator named, or the one covering the village on the start date.
            let mentor: Facilitator?
            if let facilitatorID {
                guard let named = try reader.facilitator(facilitatorID) else {
                    throw EngineError.notFound(what: "facilitator", id: facilitatorID.rawValue)
                }
                mentor = named
            } else {
                mentor = try reader.facilitator(covering: village, on: startDate).flatMap { try reader.facilitator($0) }
            }
            let workflow = Workflow(
                id: workflowID, programID: program.id, programVersion: program.version, village: village,
                zoneIdentifier: province.ianaIdentifier, cadres: cadreIDs, facilitatorID: mentor?.id,
                facilitator: facilitator.trimmingCharacters(in: .whitespacesAndNewlines), startDate: startDate, createdAt: now)
            var tasks = plan.map { planned in
                WorkflowTask(
                    id: ids.next(), workflowID: workflowID, stepID: planned.stepID, kind: planned.kind,
                    title: planned.title, occurrence: planned.occurrence, occurrences: planned.occurrences,
                    village: village, zoneIdentifier: province.ianaIdentifier, windowStart: planned.windowStart,
                    windowEnd: planned.windowEnd, updatedAt: now)
            }
            let workload =
                try mentor.map {
                    try Self.balance(&tasks, program: program, facilitator: $0, reader: reader, blackouts: blackouts, now: now)
                } ?? [:]
            try writer.insert(workflow, tasks: tasks)
            try writer.record(
                "started", entityKind: "workflow", entityID: workflowID.rawValue, caller: caller, at: now,
                detail: [
                    "program": "\(program.id)@\(program.version)", "start_date": startDate.description,
                    "tasks": String(tasks.count), "facilitator": mentor?.id.rawValue ?? "",
                ])
            for (task, planned) in zip(tasks, plan) {
                var detail = ["workflow": workflowID.rawValue, "step": task.stepID]
                detail.merge(workload[task.id] ?? [:]) { _, new in new }
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
            return try await plugins.adapt(program, for: village)
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
            guard let workflow = try writer.reader.workflow(id) else {
                throw EngineError.notFound(what: "workflow", id: id.rawValue)
            }
            guard workflow.state == .active else {
                throw EngineError.conflict("workflow \(id) is \(workflow.state.rawValue); only an active workflow can be cancelled")
            }
            return try Self.cancel(workflow, reason: reason, writer: writer, caller: caller, at: now)
        }
    }

    /// Cancels an active workflow and its open tasks, within the caller's transaction.
    static func cancel(_ workflow: Workflow, reason: String, writer: StoreWriter, caller: Caller, at now: Date) throws
        -> (Workflow, [WorkflowTask])
    {
        var workflow = workflow
        var tasks = try writer.reader.tasks(of: workflow.id)
        for index in tasks.indices where !tasks[index].state.isFinal {
            let from = tasks[index].state
            tasks[index].state = .cancelled
            tasks[index].updatedAt = now
            try writer.update(tasks[index], from: from)
            try writer.record(
                "moved", entityKind: "task", entityID: tasks[index].id.rawValue, caller: caller, at: now,
                detail: ["from": from.rawValue, "to": TaskState.cancelled.rawValue, "reason": "workflow cancelled"])
        }
        workflow.state = .cancelled
        try writer.updateState(of: workflow.id, to: .cancelled)
        try writer.record(
            "cancelled", entityKind: "workflow", entityID: workflow.id.rawValue, caller: caller, at: now,
            detail: reason.isEmpty ? [:] : ["reason": reason])
        return (workflow, tasks)
    }
}
