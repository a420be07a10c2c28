import Foundation
import KaderCore
import KaderStore

/// The append-only history, as the API reads and adds to it: an entity's own entries, the
/// event stream's batches and its wake-ups, and what the daemon itself records (reloads,
/// refused calls). The API reaches the store through these, never directly.
extension WorkflowService {
    /// A cadre with its history, read in one snapshot.
    public func cadreWithHistory(_ id: CadreID) async throws -> (Cadre, [HistoryEntry]) {
        try await withHistory(of: id, "cadre") { try $0.cadre(id) }
    }

    /// A task with its history, read in one snapshot.
    public func taskWithHistory(_ id: TaskID) async throws -> (WorkflowTask, [HistoryEntry]) {
        try await withHistory(of: id, "task") { try $0.task(id) }
    }

    /// A facilitator with the regions they cover and their history, read in one snapshot.
    public func facilitatorWithHistory(_ id: FacilitatorID) async throws
        -> (Facilitator, [FacilitatorAssignment], [HistoryEntry])
    {
        let ((facilitator, assignments), history) = try await withHistory(of: id, "facilitator") { reader in
            try reader.facilitator(id).map { ($0, try reader.assignments(of: id)) }
        }
        return (facilitator, assignments, history)
    }

    /// What `read` finds of an entity and the entity's history, in one snapshot; not found
    /// when `read` finds nothing.
    private func withHistory<Kind: EntityKind, Found: Sendable>(
        of id: EntityID<Kind>, _ what: String, _ read: @escaping @Sendable (StoreReader) throws -> Found?
    ) async throws -> (Found, [HistoryEntry]) {
        let found = try await store.read { reader -> (Found, [HistoryEntry])? in
            guard let found = try read(reader) else { return nil }
            return (found, try reader.history(of: id.rawValue))
        }
        guard let found else { throw EngineError.notFound(what: what, id: id.rawValue) }
        return found
    }

    /// How far each workflow has come (tasks done, of all), and the names of their cadres.
    public func progress(of workflows: [Workflow]) async throws
        -> (tasks: [WorkflowID: (done: Int, total: Int)], names: [CadreID: String])
    {
        try await store.read { reader in
            let cadres = try reader.cadres(Array(Set(workflows.flatMap(\.cadres))))
            return (
                try reader.taskProgress(of: workflows.map(\.id)),
                Dictionary(cadres.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            )
        }
    }

    /// The newest history entry's sequence number.
    public var latestEvent: Int64 { store.notifier.latest }

    /// Up to `limit` history entries after `seq`, oldest first.
    public func events(after seq: Int64, limit: Int) async throws -> [HistoryEntry] {
        try await store.read { try $0.history(after: seq, limit: limit) }
    }

    /// Returns once an entry after `seq` is committed (or the wait is cancelled).
    public func waitForEvents(after seq: Int64) async {
        _ = await store.notifier.wait(after: seq)
    }

    /// Records something the daemon itself did or refused (a reload, a refused call).
    public func recordDaemonEvent(_ action: String, caller: Caller, detail: [String: String] = [:]) async throws {
        let now = clock.now()
        try await store.write { writer in
            try writer.record(action, entityKind: "daemon", entityID: "kaderd", caller: caller, at: now, detail: detail)
        }
    }

    /// What `daemon.status` and the watchdog's status line report, as of the last commit.
    public var summary: StoreSummary { store.summary }
}
