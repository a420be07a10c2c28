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
        // The query's bounds are a day wider than any zone's midnight, so no task is lost to
        // them; each is then kept or left by the day its window opens in its own village.
        let query = TaskQuery(
            from: from.map { $0.adding(days: -1).date(in: .gmt) },
            until: through.map { $0.adding(days: 2).date(in: .gmt) })
        let snapshot = try await store.read { reader in
            let tasks = try Self.tasks(of: scope, matching: query, reader: reader)
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
        var zones: [String: TimeZone] = [:]
        var places: [RegionCode: [Region]] = [:]
        let items = snapshot.tasks.compactMap { task -> TaskCalendarItem? in
            let zone = zones[task.zoneIdentifier] ?? TimeZone(identifier: task.zoneIdentifier) ?? .gmt
            zones[task.zoneIdentifier] = zone
            let day = LocalDate(task.windowStart, in: zone)
            if let from, day < from { return nil }
            if let through, day > through { return nil }
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

    /// Every task of the scope within the query's bounds, in the order they open.
    private static func tasks(of scope: CalendarScope, matching query: TaskQuery, reader: StoreReader) throws
        -> [WorkflowTask]
    {
        switch scope {
        case .village(let code):
            var query = query
            query.region = RegionFilter(within: [code])
            return try allPages(matching: query, reader: reader)
        case .workflow(let id):
            guard try reader.workflow(id) != nil else { throw EngineError.notFound(what: "workflow", id: id.rawValue) }
            var query = query
            query.workflow = id
            return try allPages(matching: query, reader: reader)
        case .facilitator(let id):
            guard try reader.facilitator(id) != nil else { throw EngineError.notFound(what: "facilitator", id: id.rawValue) }
            var query = query
            query.facilitator = id
            return try allPages(matching: query, reader: reader)
        }
    }

    private static func allPages(matching query: TaskQuery, reader: StoreReader) throws -> [WorkflowTask] {
        var tasks: [WorkflowTask] = []
        var page = PageRequest(limit: PageRequest.maximumLimit)
        repeat {
            let found = try reader.tasks(matching: query, page: page)
            tasks += found.items
            page.cursor = found.nextCursor
        } while page.cursor != nil
        return tasks
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
