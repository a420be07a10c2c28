import Foundation
import KaderCore

/// Reads within one snapshot of a store; only valid inside `Store.read` or `Store.write`.
/// Values the store wrote itself that no longer parse are `StoreError.corrupt`.
public protocol StoreReader {
    // MARK: Cadres

    func cadre(_ id: CadreID) throws -> Cadre?
    func cadres(_ ids: [CadreID]) throws -> [Cadre]
    /// Cadres in registration order, which is also the register's No. Urut.
    func cadres(matching query: CadreQuery, page: PageRequest) throws -> Page<Cadre>
    /// Every cadre who was ever registered in a village or moved in or out of it, in order
    /// of registration, with every move of theirs in the order made: what the Buku Kader
    /// is made of. Withdrawn registrations are left out.
    func cadres(everIn village: RegionCode) throws -> (cadres: [Cadre], moves: [CadreMove])
    /// Registered cadres (not withdrawn) who are the same person as `identity`.
    func cadres(sameAs identity: CadreIdentity) throws -> [Cadre]

    // MARK: Workflows

    func workflow(_ id: WorkflowID) throws -> Workflow?
    /// The workflows of `ids` that exist, in no particular order: one round trip for a batch.
    func workflows(_ ids: [WorkflowID]) throws -> [Workflow]
    /// Workflows in the order they were started.
    func workflows(matching query: WorkflowQuery, page: PageRequest) throws -> Page<Workflow>
    /// How far each workflow has come: its tasks done, and all of them.
    func taskProgress(of workflows: [WorkflowID]) throws -> [WorkflowID: (done: Int, total: Int)]
    /// Active workflows a cadre takes part in; of one program, when given.
    func activeWorkflows(of cadre: CadreID, program: String?) throws -> [WorkflowID]
    /// The active workflows of the villages within `region` (a village, or a district).
    func activeWorkflows(within region: RegionCode) throws -> [WorkflowID]
    func workflowCount(state: WorkflowState) throws -> Int

    // MARK: Tasks

    func task(_ id: TaskID) throws -> WorkflowTask?
    /// The tasks of `ids` that exist, in no particular order: one round trip for a batch.
    func tasks(_ ids: [TaskID]) throws -> [WorkflowTask]
    /// Tasks in the order their windows open.
    func tasks(matching query: TaskQuery, page: PageRequest) throws -> Page<WorkflowTask>
    /// A workflow's tasks in the order their windows open.
    func tasks(of workflow: WorkflowID) throws -> [WorkflowTask]
    /// Every deadline before `until`, past ones included, in time order: windows of
    /// scheduled tasks that open, and windows (plus `grace`) of scheduled or due tasks that close.
    func deadlines(before until: Date, grace: TimeInterval) throws -> [TaskDeadline]
    /// Scheduled tasks whose window opened in `range`: what a stopped daemon did not see.
    func scheduledTasks(openingIn range: Range<Date>) throws -> [WorkflowTask]
    /// The scheduled task whose window opens next.
    func nextScheduledTask() throws -> WorkflowTask?
    /// How many tasks are in each state.
    func taskCounts() throws -> [TaskState: Int]

    // MARK: Facilitators

    func facilitator(_ id: FacilitatorID) throws -> Facilitator?
    /// Facilitators in registration order, of one role when given.
    func facilitators(role: FacilitatorRole?) throws -> [Facilitator]
    func assignments(of facilitator: FacilitatorID) throws -> [FacilitatorAssignment]
    /// The assignments of exactly `region` (not of the regions within it).
    func assignments(of region: RegionCode) throws -> [FacilitatorAssignment]
    /// The facilitator covering `village` on `day`: assigned the village itself, or else its district.
    func facilitator(covering village: RegionCode, on day: LocalDate) throws -> FacilitatorID?
    /// Where a facilitator is expected while their open tasks whose windows open in
    /// `range` last: each village and opening instant once, however many cohorts share it.
    func attendance(of facilitator: FacilitatorID, opening range: Range<Date>) throws -> [Attendance]

    // MARK: Reports

    /// What `report.progress` counts within `region` (everywhere when nil) as of `cutoff`,
    /// for rows of `rows`' level: cadres, villages with KPMD, active workflows by the step
    /// they reached, tasks, and tasks by month. Now is read from the counts every write
    /// keeps (ProgressCounters); a day gone by from the tasks themselves.
    func progress(within region: RegionCode?, rows: RegionCode.Level, cutoff: ReportCutoff) throws -> ProgressTally
    /// Facilitator assignments open on `day` to `region`, to a region within it, or to the
    /// district of a village `region`; every open one when nil.
    func assignments(openOn day: LocalDate, within region: RegionCode?) throws -> [FacilitatorAssignment]

    // MARK: History and the daemon's own facts

    /// An entity's history, oldest first.
    func history(of entityID: String) throws -> [HistoryEntry]
    /// The history after `seq`, in order, at most `limit` entries.
    func history(after seq: Int64, limit: Int) throws -> [HistoryEntry]
    /// A fact the daemon keeps about itself (when it was last alive, the last catch-up).
    func meta(_ key: String) throws -> String?

    // MARK: Idempotency keys

    /// What was kept of the call made with this idempotency key, if any.
    func call(withKey key: String) throws -> CallRecord?
}

extension StoreReader {
    /// One by one, where a read costs no round trip (SQLite).
    public func tasks(_ ids: [TaskID]) throws -> [WorkflowTask] {
        try ids.compactMap(task)
    }

    /// One by one, where a read costs no round trip (SQLite).
    public func workflows(_ ids: [WorkflowID]) throws -> [Workflow] {
        try ids.compactMap(workflow)
    }

    public func activeWorkflows(of cadre: CadreID) throws -> [WorkflowID] {
        try activeWorkflows(of: cadre, program: nil)
    }

    /// The assignments of `region` to anyone but `keeping` that are open on `lastDay`: those
    /// `StoreWriter.endAssignments` ends.
    package func assignments(endingOn lastDay: LocalDate, of region: RegionCode, keeping: FacilitatorID) throws
        -> [FacilitatorAssignment]
    {
        try assignments(of: region).filter {
            $0.facilitator != keeping && ($0.until.map { $0 > lastDay } ?? true) && $0.from <= lastDay
        }
    }

    /// Every task of `query` (all pages) whose window opens from `from` through `through`,
    /// both days included and each read on its own village's calendar; nil leaves a side
    /// open. The query is a day wider than any zone's midnight, then each task is kept by
    /// its own day.
    public func tasks(matching query: TaskQuery, openingFrom from: LocalDate?, through: LocalDate?) throws
        -> [WorkflowTask]
    {
        var query = query
        query.from = from.map { $0.adding(days: -1).date(in: .gmt) }
        query.until = through.map { $0.adding(days: 2).date(in: .gmt) }
        var tasks: [WorkflowTask] = []
        var page = PageRequest(limit: PageRequest.maximumLimit)
        repeat {
            let found = try self.tasks(matching: query, page: page)
            tasks += found.items.filter { task in
                let day = LocalDate(task.windowStart, in: TimeZone(identifier: task.zoneIdentifier) ?? .gmt)
                return from.map { day >= $0 } ?? true && through.map { day <= $0 } ?? true
            }
            page.cursor = found.nextCursor
        } while page.cursor != nil
        return tasks
    }
}
