import Foundation
import GRDB
import KaderCore
@testable import KaderSQLite
import KaderStore
import KaderTesting
import Testing

/// A store written by an earlier release opens with this one and reads back as it was
/// written: every cadre, workflow, task, history entry and call key.
///
/// The fixture is the SQL dump of a store a real kaderd made (`scripts/make-store-fixture`),
/// read here with the columns of its own schema, so a migration that changes the format
/// must bring every value along.
@Suite struct StoreUpgradeTests {
    let directory = TemporaryDirectory()
    var path: String { directory.file("kaderd.sqlite") }

    /// The store of the last release before the format changed, as that release wrote it.
    private func restoreFixture(_ name: String) throws -> DatabaseQueue {
        let dump = try String(contentsOfFile: PackageRoot.path + "/Tests/KaderStoreTests/Fixtures/\(name).sql", encoding: .utf8)
        // Its tables come in alphabetical order, before the rows they refer to.
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let old = try DatabaseQueue(path: path, configuration: configuration)
        // The dump's own BEGIN and COMMIT are left to `write`.
        let statements = dump.split(separator: "\n").filter { $0 != "BEGIN TRANSACTION;" && $0 != "COMMIT;" }
        try old.write { try $0.execute(sql: statements.joined(separator: "\n")) }
        return old
    }

    private static func json(_ text: String) throws -> [String: String] {
        try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
    }

    /// v11: before tasks kept their step once (v12) and the history its kinds (v13); v16:
    /// before tasks were kept by the number their id spells (v17).
    @Test(arguments: [("store-v11", 11), ("store-v16", 16)])
    func aStoreOfAnEarlierReleaseReadsBackWhole(fixture: String, version: Int) async throws {
        let old = try restoreFixture(fixture)
        // What the store holds, read with its own columns.
        let taskRows =
            version < 12
            ? "SELECT * FROM task ORDER BY id"
            : "SELECT t.*, s.step_id, s.kind, s.title FROM task t JOIN task_step s ON s.n = t.step ORDER BY t.id"
        let (migrations, cadres, workflows, tasks, history, calls, assignments) = try old.read { db in
            (
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
                try Row.fetchAll(db, sql: "SELECT * FROM cadre ORDER BY seq"),
                try Row.fetchAll(db, sql: "SELECT * FROM workflow ORDER BY seq"),
                try Row.fetchAll(db, sql: taskRows),
                try Row.fetchAll(db, sql: "SELECT * FROM history ORDER BY seq"),
                try Row.fetchAll(db, sql: "SELECT * FROM call_key ORDER BY key"),
                try Row.fetchAll(db, sql: "SELECT * FROM facilitator_assignment")
            )
        }
        try old.close()
        #expect(migrations.count == version && migrations.contains { $0.hasPrefix("v\(version):") })
        #expect(cadres.count == 3 && workflows.count == 2 && tasks.count == 22 && history.count > 40)
        #expect(calls.count == 1 && assignments.count == 1)

        let store = try SQLiteStore(path: path)
        let ids = (
            cadres: try cadres.map { try CadreID($0["id"] as String) }, workflows: try workflows.map { try WorkflowID($0["id"] as String) },
            entities: Set(history.map { $0["entity_id"] as String }), calls: calls.map { $0["key"] as String },
            facilitators: try assignments.map { try FacilitatorID($0["facilitator_id"] as String) }
        )
        let now = try await store.read { reader in
            (
                cadres: try ids.cadres.map { try reader.cadre($0) },
                workflows: try ids.workflows.map { try reader.workflow($0) },
                tasks: try ids.workflows.flatMap { try reader.tasks(of: $0) }.sorted { $0.id.rawValue < $1.id.rawValue },
                history: try ids.entities.flatMap { try reader.history(of: $0) }.sorted { $0.seq < $1.seq },
                calls: try ids.calls.map { try reader.call(withKey: $0) },
                facilitators: try ids.facilitators.map { (try reader.facilitator($0), try reader.assignments(of: $0)) },
                taskCounts: try reader.taskCounts()
            )
        }
        for (cadre, row) in zip(now.cadres, cadres) {
            let cadre = try #require(cadre)
            #expect(cadre.name == row["name"])
            #expect(cadre.sex.rawValue == row["sex"])
            #expect(cadre.birthYear == row["birth_year"])
            #expect(cadre.education == row["education"])
            #expect(cadre.courses == (try JSONDecoder().decode([String].self, from: Data((row["courses"] as String).utf8))))
            #expect(cadre.field == row["field"])
            #expect(cadre.village.description == row["village"])
            #expect(cadre.address == row["address"])
            #expect(cadre.status.rawValue == row["status"])
            #expect(cadre.notes == row["notes"])
            #expect(cadre.registeredAt.timeIntervalSince1970 == row["registered_at"])
            #expect(cadre.withdrawal?.at.timeIntervalSince1970 == row["withdrawn_at"])
            #expect(cadre.withdrawal?.reason == row["withdrawal_reason"])
        }
        for (workflow, row) in zip(now.workflows, workflows) {
            let workflow = try #require(workflow)
            #expect(workflow.programID == row["program_id"])
            #expect(workflow.programVersion == row["program_version"])
            #expect(workflow.village.description == row["village"])
            #expect(workflow.zoneIdentifier == row["zone"])
            #expect(workflow.startDate.description == row["start_date"])
            #expect(workflow.state.rawValue == row["state"])
            #expect(workflow.facilitatorID?.rawValue == row["facilitator_id"])
            #expect(workflow.facilitator == row["facilitator"])
            #expect(workflow.createdAt.timeIntervalSince1970 == row["created_at"])
        }
        #expect(now.tasks.map(\.id.rawValue) == tasks.map { $0["id"] as String })
        for (task, row) in zip(now.tasks, tasks) {
            #expect(task.workflowID.rawValue == row["workflow_id"])
            #expect(task.stepID == row["step_id"])
            #expect(task.kind.rawValue == row["kind"])
            #expect(task.title == row["title"])
            #expect(task.occurrence == row["occurrence"])
            #expect(task.occurrences == row["occurrences"])
            #expect(task.village.description == row["village"])
            #expect(task.zoneIdentifier == row["zone"])
            #expect(task.windowStart.timeIntervalSince1970 == row["window_start"])
            #expect(task.windowEnd.timeIntervalSince1970 == row["window_end"])
            #expect(task.state.rawValue == row["state"])
            #expect(task.records == (try Self.json(row["records"])))
            #expect(task.updatedAt.timeIntervalSince1970 == row["updated_at"])
            #expect(task.facilitatorID?.rawValue == row["facilitator_id"])
        }
        #expect(now.history.map(\.seq) == history.map { $0["seq"] as Int64 })
        for (entry, row) in zip(now.history, history) {
            #expect(entry.at.timeIntervalSince1970 == row["at"])
            #expect(entry.caller.uid == row["caller_uid"])
            #expect(entry.caller.agent == row["caller_agent"])
            #expect(entry.entityKind == row["entity_kind"])
            #expect(entry.entityID == row["entity_id"])
            #expect(entry.action == row["action"])
            #expect(entry.detail == (try Self.json(row["detail"])))
        }
        for (call, row) in zip(now.calls, calls) {
            let call = try #require(call)
            #expect(call.method == row["method"])
            #expect(call.paramsDigest == row["params_digest"])
            #expect(call.at.timeIntervalSince1970 == row["at"])
            #expect(call.reply == row["reply"])
        }
        for ((facilitator, assigned), row) in zip(now.facilitators, assignments) {
            let facilitator = try #require(facilitator)
            #expect(facilitator.name == "Komang Ardana" && facilitator.phone == "081234567890")
            #expect(assigned.map(\.region.description) == [row["region"]])
            #expect(assigned.map(\.from.description) == [row["from_date"]])
        }
        // The counts kept beside the rows agree with the rows.
        var states: [TaskState: Int] = [:]
        for row in tasks { states[try #require(TaskState(rawValue: row["state"])), default: 0] += 1 }
        #expect(now.taskCounts.filter { $0.value != 0 } == states)

        // The scheduler finds the scheduled tasks, first to open first.
        let scheduled = tasks.filter { $0["state"] == "scheduled" }
            .sorted { ($0["window_start"] as Int64, $0["id"] as String) < ($1["window_start"] as Int64, $1["id"] as String) }
        let opening = try await store.read { reader in
            try reader.scheduledTasks(openingIn: Date(timeIntervalSince1970: 0)..<Date(timeIntervalSince1970: 1e10))
        }
        #expect(!scheduled.isEmpty && opening.map(\.id.rawValue) == scheduled.map { $0["id"] as String })
        let next = try await store.read { try $0.nextScheduledTask() }
        #expect(next?.id.rawValue == scheduled.first?["id"])

        // `sqlite3` reads the history as it did, and the next entry takes the next number.
        let first: String = try #require(scheduled.first?["id"])
        let seq = try await store.write { writer in
            try writer.record(
                "moved", entityKind: "task", entityID: first, caller: .scheduler, at: Date(),
                detail: ["from": "scheduled", "to": "due"])
        }
        let last: Int64 = try #require(history.last?["seq"])
        let (viewed, newest) = try DatabaseQueue(path: path).read { db in
            (
                try Row.fetchAll(db, sql: "SELECT * FROM history WHERE seq <= ? ORDER BY seq", arguments: [last]),
                try SQLiteReader.latestHistorySeq(db)
            )
        }
        #expect(viewed == history)
        #expect(seq == last + 1 && newest == seq)

        // Every plan is made again from its task's row (v15): its entry keeps only what the
        // plan says beyond the task's step and workflow.
        let plans = history.filter { $0["action"] == "planned" }
        let (made, keptBytes) = try await DatabaseQueue(path: path).read { db in
            (
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM history_entry e JOIN history_kind k ON k.n = e.kind WHERE k.detail = ?",
                    arguments: [HistoryInsert.ofItsTask]) ?? 0,
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT SUM(length(e.detail)) FROM history_entry e JOIN history_kind k ON k.n = e.kind
                        WHERE k.action = 'planned'
                        """) ?? 0
            )
        }
        #expect(plans.count == 22 && made == plans.count)
        if version < 15 {
            #expect(keptBytes * 3 < plans.map { ($0["detail"] as String).utf8.count }.reduce(0, +))
        }
    }

    /// An upgraded store has the format of a store made new: the same tables, indexes and
    /// triggers, each defined alike, so no query or trigger differs by a store's age.
    @Test(arguments: ["store-v11", "store-v16"])
    func anUpgradedStoreHasTheFormatOfANewOne(fixture: String) async throws {
        try restoreFixture(fixture).close()
        _ = try SQLiteStore(path: path)
        let fresh = directory.file("fresh.sqlite")
        _ = try SQLiteStore(path: fresh)
        func schema(_ path: String) throws -> [[String?]] {
            try DatabaseQueue(path: path).read { db in
                try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
                    .map { row in (0..<4).map { row[$0] as String? } }
            }
        }
        let (upgraded, made) = (try schema(path), try schema(fresh))
        #expect(upgraded.count == made.count)
        for (a, b) in zip(upgraded, made) { #expect(a == b) }
        let task = try #require(made.first { $0[0] == "table" && $0[1] == "task" }?[3])
        #expect(task.contains("key INTEGER PRIMARY KEY"), "tasks are kept by the number their id spells: \(task)")
    }
}
