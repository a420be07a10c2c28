import Foundation
import KaderCore
import KaderStore

/// The tasks a calendar file for phones holds (`calendar.export`), read in one snapshot so
/// that each event's revision matches the time it shows.
extension WorkflowService {
    /// The tasks of `scope` whose windows open from `from` through `through`, both days
    /// included and each read on its own village's calendar (either left open: no bound),
    /// with their places, workflows, cadres and reschedules, in the order they open.
    ///
    /// Throws `notFound` for a village not in the directory or a workflow not in the store.
    public func calendar(for scope: CalendarScope, from: LocalDate? = nil, through: LocalDate? = nil) async throws
        -> TaskCalendar
    {
        let directory = self.directory
        let now = clock.now()
        if case .village(let code) = scope, directory.region(code) == nil {
            throw EngineError.notFound(what: "village", id: code.description)
        }
        let snapshot = try await store.read { reader in
            let tasks = try Self.tasks(of: scope, from: from, through: through, reader: reader)
            var workflows: [WorkflowID: Workflow] = [:]
            var cadres: [CadreID: Cadre] = [:]
            var reschedules: [TaskID: Int] = [:]
            for task in tasks {
                if workflows[task.workflowID] == nil, let workflow = try reader.workflow(task.workflowID) {
                    workflows[task.workflowID] = workflow
                    for id in workflow.cadres where cadres[id] == nil { cadres[id] = try reader.cadre(id) }
                }
                reschedules[task.id] = try reader.history(of: task.id.rawValue).count { $0.action == "rescheduled" }
            }
            // A workflow's calendar is named after it even when none of its tasks is in range.
            if case .workflow(let id) = scope, workflows[id] == nil { workflows[id] = try reader.workflow(id) }
            return (tasks: tasks, workflows: workflows, cadres: cadres, reschedules: reschedules)
        }
        var places: [RegionCode: [Region]] = [:]
        let items = snapshot.tasks.map { task in
            let place = places[task.village] ?? directory.path(of: task.village)
            places[task.village] = place
            let workflow = snapshot.workflows[task.workflowID]
            return TaskCalendarItem(
                task: task, place: place, workflow: workflow,
                cadres: (workflow?.cadres ?? []).compactMap { snapshot.cadres[$0] },
                reschedules: snapshot.reschedules[task.id] ?? 0)
        }
        let name = Self.calendarName(of: scope, snapshot.workflows, directory)
        return TaskCalendar(name: name, items: items, madeAt: now)
    }

    /// Every task of the scope opening in the days given, in the order they open.
    private static func tasks(of scope: CalendarScope, from: LocalDate?, through: LocalDate?, reader: StoreReader) throws
        -> [WorkflowTask]
    {
        var query = TaskQuery()
        switch scope {
        case .village(let code):
            query.region = RegionFilter(within: [code])
        case .workflow(let id):
            guard try reader.workflow(id) != nil else { throw EngineError.notFound(what: "workflow", id: id.rawValue) }
            query.workflow = id
        case .facilitator(let id):
            guard try reader.facilitator(id) != nil else { throw EngineError.notFound(what: "facilitator", id: id.rawValue) }
            query.facilitator = id
        }
        return try reader.tasks(matching: query, openingFrom: from, through: through)
    }

    /// `kaderd – Munggu (51.03.02.2001)`, `kaderd – wf_… (kpmd, Munggu)`: which calendar it
    /// is among the others on a phone.
    private static func calendarName(
        of scope: CalendarScope, _ workflows: [WorkflowID: Workflow], _ directory: RegionDirectory
    ) -> String {
        switch scope {
        case .village(let code):
            return "kaderd – \(directory.name(of: code) ?? code.description) (\(code))"
        case .workflow(let id):
            guard let workflow = workflows[id] else { return "kaderd – \(id)" }
            let village = directory.name(of: workflow.village) ?? workflow.village.description
            return "kaderd – \(id) (\(workflow.programID), \(village))"
        case .facilitator(let id):
            return "kaderd – agenda \(id)"
        }
    }
}
