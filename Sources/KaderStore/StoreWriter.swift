import Foundation
import KaderCore

/// Changes within one transaction; only valid inside `Store.write`. Every change the engine
/// makes is paired with a history entry (`record`) by the caller of these methods.
public protocol StoreWriter {
    /// Reads within the same transaction, seeing its changes.
    var reader: StoreReader { get }

    // MARK: Cadres

    /// Inserts a cadre as the register's next number.
    func insert(_ cadre: Cadre) throws
    /// Inserts cadres as the register's next numbers, in their order: an import's sheet.
    func insert(_ cadres: [Cadre]) throws
    func update(_ cadre: Cadre) throws
    func insert(_ move: CadreMove) throws
    /// Takes a cadre out of a workflow's cohort; the caller records why on the workflow.
    func remove(_ cadre: CadreID, from workflow: WorkflowID) throws

    // MARK: Workflows and tasks

    func insert(_ workflow: Workflow, tasks: [WorkflowTask]) throws
    /// Adds tasks to a workflow that exists (its own, or a plugin's follow-ups).
    func insert(_ tasks: [WorkflowTask]) throws
    func updateState(of workflow: WorkflowID, to state: WorkflowState) throws
    /// Writes a task read in state `expected`, only if it is still in it: the same task is
    /// never moved twice by two writers. `StoreError.changedMeanwhile` otherwise.
    func update(_ task: WorkflowTask, from expected: TaskState) throws
    /// Moves tasks read in state `expected` to `state` as of `at`, only if every one is still
    /// in `expected` (`StoreError.changedMeanwhile` otherwise): the scheduler's batch of
    /// tasks falling due, in one statement where the database is a round trip away.
    func move(_ tasks: [TaskID], from expected: TaskState, to state: TaskState, at: Date) throws
    /// Moves tasks as `move` does, and opens each one's window again from `at`, as long as
    /// it was: the catch-up's tasks whose windows closed while the daemon was down.
    func reopen(_ tasks: [TaskID], from expected: TaskState, to state: TaskState, at: Date) throws

    // MARK: Facilitators

    func insert(_ facilitator: Facilitator) throws
    func update(_ facilitator: Facilitator) throws
    func insert(_ assignment: FacilitatorAssignment) throws
    /// Ends the open assignments of `region` to anyone but `keeping` on `lastDay`: the
    /// region passes to the new facilitator the day after. Returns those ended.
    @discardableResult
    func endAssignments(of region: RegionCode, on lastDay: LocalDate, keeping: FacilitatorID) throws
        -> [FacilitatorAssignment]
    func setFacilitator(_ facilitator: FacilitatorID?, of workflow: WorkflowID) throws

    // MARK: History and the daemon's own facts

    /// Appends to the history; returns the entry's sequence number, the next after every
    /// committed one.
    @discardableResult
    func record(
        _ action: String, entityKind: String, entityID: String, caller: Caller, at: Date, detail: [String: String]
    ) throws -> Int64
    /// One entry per entity, alike but for the entity, numbered in order; returns the
    /// sequence numbers.
    @discardableResult
    func record(
        _ action: String, entityKind: String, entityIDs: [String], caller: Caller, at: Date, detail: [String: String]
    ) throws -> [Int64]
    func setMeta(_ key: String, _ value: String) throws
    /// Records the idempotency key of the call this write belongs to (`CallKey`).
    func record(_ call: CallKey, at: Date) throws
    /// Keeps the reply sent to a call made with `key`, and forgets keys recorded before
    /// `forgetBefore`.
    func keepReply(_ reply: String, forCall key: String, forgetBefore: Date) throws

    // MARK: Leader's work, on a store several kaderd share

    /// Throws `StoreError.notLeader` unless this process still holds the leader's lease of
    /// `term`. The lease stays held until the transaction ends, so a new leader's term only
    /// starts after this write: a paused leader that woke up cannot write under its old term.
    func fence(term: Int64) throws
    /// The catch-up owed after the whole cluster was down is done (`Lease.catchUpSince`).
    func catchUpDone() throws
}

extension StoreWriter {
    /// One by one, where a statement costs no round trip (SQLite).
    public func insert(_ cadres: [Cadre]) throws {
        for cadre in cadres { try insert(cadre) }
    }

    /// Entry by entry: PostgreSQL gathers the entries of a write and sends them a thousand a
    /// statement.
    @discardableResult
    public func record(
        _ action: String, entityKind: String, entityIDs: [String], caller: Caller, at: Date, detail: [String: String]
    ) throws -> [Int64] {
        try entityIDs.map { try record(action, entityKind: entityKind, entityID: $0, caller: caller, at: at, detail: detail) }
    }

    /// A store only one kaderd opens has no lease to check.
    public func fence(term: Int64) throws {}
    public func catchUpDone() throws {}

    @discardableResult
    public func record(_ action: String, entityKind: String, entityID: String, caller: Caller, at: Date) throws -> Int64 {
        try record(action, entityKind: entityKind, entityID: entityID, caller: caller, at: at, detail: [:])
    }
}
