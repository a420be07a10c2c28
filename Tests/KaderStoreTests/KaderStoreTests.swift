import Foundation
import GRDB
import KaderCore
@testable import KaderSQLite
import KaderStore
import KaderTesting
import Synchronization
import Testing

/// The store contract, on the backend under test (`TestBackend`), and what only the SQLite
/// file does (its migrations, WAL, a file that is not a database).
@Suite struct KaderStoreTests {
    let directory = TemporaryDirectory()
    var path: String { directory.file("kaderd.sqlite") }

    private func cadre(_ name: String, village: String, seconds: TimeInterval = 0) throws -> Cadre {
        Cadre(
            id: CadreID(random: name.lowercased().filter(\.isLetter)),
            details: CadreDraft(
                name: name, sex: .male, birthYear: 1990, education: "SMA", field: "ekonomi", village: try RegionCode(village)),
            registeredAt: Date(timeIntervalSince1970: 1_767_000_000 + seconds))
    }

    /// A store made before v7 said `graduated`; it opens with those cadres `completed`,
    /// the rest as they were, and the history as it was written.
    @Test func aStoreFromBeforeTheRenameCallsGraduatedCadresCompleted() async throws {
        let old = try DatabaseQueue(path: path)
        try StoreMigrations.migrator.migrate(old, upTo: "v6: withdrawn registrations and moves between villages")
        try await old.write { db in
            for (id, status) in [("cdr_graduated1", "graduated"), ("cdr_active01", "active")] {
                try db.execute(
                    sql: """
                        INSERT INTO cadre (id, seq, name, sex, birth_year, education, courses, field, village, address,
                                           status, notes, registered_at)
                        VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM cadre), 'Made', 'male', 1990, '', '[]',
                                'ekonomi', '51.03.02.2001', '', ?, '', 0)
                        """,
                    arguments: [id, status])
            }
            try db.execute(
                sql: """
                    INSERT INTO history (at, caller_uid, caller_agent, entity_kind, entity_id, action, detail)
                    VALUES (0, NULL, 'test', 'cadre', 'cdr_graduated1', 'updated', '{"to":"graduated"}')
                    """)
        }
        try old.close()
        let store = try SQLiteStore(path: path)
        let (graduated, active, history) = try await store.read { reader in
            (try reader.cadre(CadreID("cdr_graduated1")), try reader.cadre(CadreID("cdr_active01")),
             try reader.history(of: "cdr_graduated1"))
        }
        #expect(graduated?.status == .completed)
        #expect(active?.status == .active)
        #expect(history.first?.detail == ["to": "graduated"])
    }

    /// A file whose migrations have a gap no kaderd leaves (edited by hand) is opened or
    /// refused with a reason, never the end of the process.
    @Test func aStoreWithAGapInItsMigrationsIsOpenedOrRefusedNotFatal() async throws {
        let old = try DatabaseQueue(path: path)
        try StoreMigrations.migrator.migrate(old, upTo: "v6: withdrawn registrations and moves between villages")
        try await old.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v8: the facilitator register')")
        }
        try old.close()
        do {
            _ = try SQLiteStore(path: path)
        } catch {
            #expect(error.localizedDescription.contains(path) || "\(error)".contains(path), "\(error)")
        }
    }

    @Test func keepsWhatWasCommittedAcrossReopening() async throws {
        do {
            let store = try SQLiteStore(path: path)
            let cadre = try cadre("Wayan", village: "51.03.01.1001")
            try await store.write { writer in
                try writer.insert(cadre)
                try writer.record("registered", entityKind: "cadre", entityID: cadre.id.rawValue, caller: Caller(uid: 0), at: cadre.registeredAt)
            }
        }
        let reopened = try SQLiteStore(path: path)
        let found = try await reopened.read { try $0.cadre(CadreID("cdr_wayan")) }
        #expect(found?.name == "Wayan")
        #expect(found?.courses == [])
        let history = try await reopened.read { try $0.history(of: "cdr_wayan") }
        #expect(history.map(\.action) == ["registered"])
        #expect(history.first?.caller.uid == 0)
    }

    @Test func pagesInRegistrationOrderAndFiltersByRegion() async throws {
        let store = try await TestBackend.makeStore(in: directory)
        let names = ["Ayu", "Bagus", "Citra", "Dewi", "Eka"]
        try await store.write { writer in
            for (index, name) in names.enumerated() {
                try writer.insert(try cadre(name, village: index < 3 ? "51.03.01.1001" : "91.03.01.2004", seconds: Double(index)))
            }
        }
        let first = try await store.read { try $0.cadres(matching: CadreQuery(), page: PageRequest(limit: 2)) }
        #expect(first.items.map(\.name) == ["Ayu", "Bagus"])
        let second = try await store.read { try $0.cadres(matching: CadreQuery(), page: PageRequest(cursor: first.nextCursor, limit: 2)) }
        #expect(second.items.map(\.name) == ["Citra", "Dewi"])
        let third = try await store.read { try $0.cadres(matching: CadreQuery(), page: PageRequest(cursor: second.nextCursor, limit: 2)) }
        #expect(third.items.map(\.name) == ["Eka"])
        #expect(third.nextCursor == nil)

        let bali = CadreQuery(region: RegionFilter(within: [try RegionCode("51")]))
        #expect(try await store.read { try $0.cadres(matching: bali, page: PageRequest()) }.items.map(\.name) == ["Ayu", "Bagus", "Citra"])
        let papuaDistrict = CadreQuery(region: RegionFilter(within: [try RegionCode("91.03.01")]))
        #expect(try await store.read { try $0.cadres(matching: papuaDistrict, page: PageRequest()) }.items.count == 2)
        // 51.0 must not match 51.03's neighbours by a loose prefix.
        let otherRegency = CadreQuery(region: RegionFilter(within: [try RegionCode("51.01")]))
        #expect(try await store.read { try $0.cadres(matching: otherRegency, page: PageRequest()) }.items.isEmpty)

        await #expect(throws: InvalidCursor.self) {
            try await store.read { try $0.cadres(matching: CadreQuery(), page: PageRequest(cursor: "bogus")) }
        }
    }

    @Test func theHistoryIsAppendOnly() async throws {
        let store = try SQLiteStore(path: path)
        try await store.write { writer in
            try writer.record("registered", entityKind: "cadre", entityID: "cdr_x", caller: Caller(uid: 1), at: Date())
        }
        let queue = try DatabaseQueue(path: path)
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE history SET action = 'forged'") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM history") } }
        for table in ["history_entry", "history_kind"] {
            #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE \(table) SET detail = '{}'") } }
            #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM \(table)") } }
        }
        #expect(try await store.read { try $0.history(of: "cdr_x") }.map(\.action) == ["registered"])
    }

    /// A thousand moves keep their caller, kind, action and states once, and read back each
    /// whole; a detail that says more stays with its entry; an entry added with `sqlite3`
    /// is kept by the same rule.
    @Test func aMoveIsKeptOnceForEveryEntryThatMadeIt() async throws {
        let store = try SQLiteStore(path: path)
        let moved = ["from": "scheduled", "to": "due"]
        let cancelled = ["from": "due", "to": "cancelled", "reason": "workflow cancelled"]
        try await store.write { writer in
            for n in 0..<1000 {
                try writer.record("moved", entityKind: "task", entityID: "tsk_\(n)", caller: .scheduler, at: Date(), detail: moved)
            }
            try writer.record("moved", entityKind: "task", entityID: "tsk_0", caller: Caller(uid: 7), at: Date(), detail: cancelled)
        }
        let history = try await store.read { try $0.history(of: "tsk_0") }
        #expect(history.map(\.detail) == [moved, cancelled])
        #expect(history.map(\.caller.agent) == [Caller.scheduler.agent, Caller(uid: 7).agent])
        // `sqlite3` adds to the view, and its entry is kept by the same rule.
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO history (at, caller_uid, caller_agent, entity_kind, entity_id, action, detail)
                    VALUES (0, NULL, ?, 'task', 'tsk_sql', 'moved', '{"from":"scheduled","to":"due"}')
                    """,
                arguments: [Caller.scheduler.agent])
        }
        #expect(try await store.read { try $0.history(of: "tsk_sql") }.map(\.detail) == [moved])
        let (kinds, ownDetails) = try await queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM history_kind") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM history_entry WHERE detail IS NOT NULL") ?? 0
            )
        }
        #expect(kinds == 2 && ownDetails == 1)
    }

    @Test func aFailedWriteLeavesNothingBehind() async throws {
        let store = try await TestBackend.makeStore(in: directory)
        struct Refused: Error {}
        await #expect(throws: Refused.self) {
            _ = try await store.write { writer in
                try writer.insert(try cadre("Ketut", village: "51.03.01.1001"))
                throw Refused()
            }
        }
        #expect(try await store.read { try $0.cadre(CadreID("cdr_ketut")) } == nil)
    }

    /// Writes that queue behind a busy writer share one transaction; each still succeeds or
    /// fails on its own, and is acknowledged only once committed.
    @Test func writesThatQueueTogetherEachSucceedOrFailAlone() async throws {
        let store = try await TestBackend.makeStore(in: directory)
        final class Counter: Sendable { let value = Atomic<Int>(0) }
        let queued = Counter()
        struct Refused: Error {}
        let names = (0..<40).map { "Kader" + String(UnicodeScalar(97 + $0 / 26)!) + String(UnicodeScalar(97 + $0 % 26)!) }
        let acknowledged = try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask {
                try await store.write { _ in
                    // Holds the writer until the others wait for it, so that they form a batch.
                    let deadline = ContinuousClock.now + .seconds(10)
                    while queued.value.load(ordering: .relaxed) < names.count, ContinuousClock.now < deadline {}
                }
                return nil
            }
            for (index, name) in names.enumerated() {
                let cadre = try cadre(name, village: "51.03.01.1001", seconds: Double(index))
                group.addTask {
                    queued.value.add(1, ordering: .relaxed)
                    do {
                        try await store.write { writer in
                            try writer.insert(cadre)
                            if index % 3 == 0 { throw Refused() }
                        }
                    } catch is Refused {
                        return nil
                    }
                    // Acknowledged means committed: any reader sees it from now on.
                    #expect(try await store.read { try $0.cadre(cadre.id) }?.name == name)
                    return name
                }
            }
            return try await group.reduce(into: Set<String>()) { if let name = $1 { $0.insert(name) } }
        }
        let kept = try await store.read { try $0.cadres(matching: CadreQuery(), page: PageRequest(limit: 100)) }.items
        #expect(Set(kept.map(\.name)) == acknowledged)
        #expect(acknowledged == Set(names.enumerated().filter { $0.offset % 3 != 0 }.map(\.element)))
    }

    /// A write alone (no savepoint of its own) that fails halfway leaves nothing, and the
    /// next write goes on from where the store was.
    @Test func aWriteAloneThatFailsHalfwayLeavesNothing() async throws {
        let store = try await TestBackend.makeStore(in: directory)
        struct Refused: Error {}
        let first = try cadre("Wayan", village: "51.03.01.1001")
        await #expect(throws: Refused.self) {
            try await store.write { writer in
                try writer.insert(first)
                try writer.record("registered", entityKind: "cadre", entityID: first.id.rawValue, caller: Caller(uid: 0), at: first.registeredAt)
                throw Refused()
            }
        }
        let second = try cadre("Made", village: "51.03.01.1001")
        let seq = try await store.write { writer in
            try writer.insert(second)
            return try writer.record("registered", entityKind: "cadre", entityID: second.id.rawValue, caller: Caller(uid: 0), at: second.registeredAt)
        }
        let (kept, history) = try await store.read { reader in
            (try reader.cadres(matching: CadreQuery(), page: PageRequest(limit: 10)).items.map(\.name), try reader.history(after: 0, limit: 10))
        }
        #expect(kept == ["Made"])
        #expect(history.map(\.entityID) == [second.id.rawValue])
        #expect(seq == 1)
    }

    /// Eight writers at once, and two writes rolled back after they recorded: the history
    /// reads 1...N with no number missing or repeated, and nothing of the rolled-back ones.
    @Test func theHistoryHasNoGapAfterConcurrentWritesAndRollbacks() async throws {
        let store = try await TestBackend.makeStore(in: directory)
        struct Refused: Error {}
        let rolledBack = try await withThrowingTaskGroup(of: Int.self) { group in
            for client in 0..<8 {
                group.addTask {
                    var refused = 0
                    for write in 0..<25 {
                        do {
                            try await store.write { writer in
                                for entry in 0..<3 {
                                    try writer.record(
                                        "noted", entityKind: "cadre", entityID: "cdr_c\(client)w\(write)e\(entry)",
                                        caller: Caller(uid: UInt32(client)), at: Date())
                                }
                                if client < 2, write == 12 { throw Refused() }
                            }
                        } catch is Refused {
                            refused += 1
                        }
                    }
                    return refused
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(rolledBack == 2)
        let history = try await store.read { try $0.history(after: 0, limit: 10_000) }
        #expect(history.map(\.seq) == Array(1...Int64(8 * 25 * 3 - 2 * 3)))
        #expect(!history.contains { $0.entityID.hasSuffix("w12e0") && $0.caller.uid! < 2 })
        #expect(store.notifier.latest == Int64(history.count))
    }

    /// Details are stored as JSON text written by hand; any text comes back as it went in.
    /// A task's plan is made again from its row (v15): the entry keeps what the plan says
    /// beyond the task's step and workflow, and it reads back word for word, by kaderd and
    /// by `sqlite3`. A plan its row cannot make again keeps its own text, and the row may no
    /// longer change its workflow or step (a new title is a new step row, and allowed).
    @Test func aPlanIsReadFromItsTaskRow() async throws {
        let store = try SQLiteStore(path: path)
        let village = try RegionCode("51.03.01.1002")
        let workflow = Workflow(
            id: WorkflowID(random: "w1"), programID: "kpmd", programVersion: 1, village: village,
            zoneIdentifier: "Asia/Makassar", cadres: [], startDate: try LocalDate(parsing: "2027-01-15"),
            createdAt: Date(timeIntervalSince1970: 1_767_000_000))
        let tasks = (0..<4).map { n in
            WorkflowTask(
                id: TaskID(random: "plan\(n)"), workflowID: workflow.id, stepID: "training", kind: StepKind(rawValue: "training"),
                title: "Pelatihan", occurrence: 1, occurrences: 1, village: village, zoneIdentifier: "Asia/Makassar",
                windowStart: Date(timeIntervalSince1970: 1_800_000_000), windowEnd: Date(timeIntervalSince1970: 1_800_007_200),
                updatedAt: Date(timeIntervalSince1970: 1_767_000_000))
        }
        let plans: [[String: String]] = [
            ["step": "training", "workflow": workflow.id.rawValue],
            ["step": "training", "workflow": workflow.id.rawValue, "facilitator": "fac_x", "shifted_from": "2027-06-01T09:00:00+08:00"],
            ["step": "decree", "workflow": workflow.id.rawValue],
            ["step": "training", "workflow": workflow.id.rawValue, "note": "a \"quoted\" é\n"],
        ]
        try await store.write { writer in
            try writer.insert(workflow, tasks: tasks)
            for (task, plan) in zip(tasks, plans) {
                try writer.record("planned", entityKind: "task", entityID: task.id.rawValue, caller: Caller(uid: 0), at: Date(), detail: plan)
            }
        }
        for (task, plan) in zip(tasks, plans) {
            #expect(try await store.read { try $0.history(of: task.id.rawValue) }.map(\.detail) == [plan])
        }
        let queue = try DatabaseQueue(path: path)
        let (kinds, kept, viewed) = try await queue.read { db in
            (
                try String.fetchAll(db, sql: "SELECT k.detail FROM history_entry e JOIN history_kind k ON k.n = e.kind ORDER BY seq"),
                try String?.fetchAll(db, sql: "SELECT detail FROM history_entry ORDER BY seq"),
                try String.fetchAll(db, sql: "SELECT detail FROM history ORDER BY seq")
            )
        }
        #expect(kinds == [HistoryInsert.ofItsTask, HistoryInsert.ofItsTask, "", HistoryInsert.ofItsTask])
        #expect(kept == [nil, #"{"facilitator":"fac_x","shifted_from":"2027-06-01T09:00:00+08:00"}"#, JSONText.encode(plans[2]),
                         JSONText.encode(["note": "a \"quoted\" é\n"])])
        #expect(viewed == plans.map(JSONText.encode))

        // `sqlite3`'s plan that is not JSON is kept as it was written.
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO history (at, caller_uid, caller_agent, entity_kind, entity_id, action, detail)
                    VALUES (0, NULL, 'sqlite3', 'task', ?, 'planned', 'not json')
                    """,
                arguments: [tasks[0].id.rawValue])
        }
        #expect(try await queue.read { db in try String.fetchOne(db, sql: "SELECT detail FROM history ORDER BY seq DESC") } == "not json")

        // A task keeps its workflow and step id; a new title is a step row of its own. (Its
        // id, made by hand, spells no key: the store keeps its text.)
        let plan0 = tasks[0].id.rawValue
        let key0 = "(SELECT key FROM task_id_text WHERE id = ?)"
        try await queue.write { db in
            try db.execute(sql: "INSERT INTO task_step (step_id, kind, title) VALUES ('decree', 'meeting', 'SK'), ('training', 'training', 'Pelatihan II')")
        }
        for change in [
            "UPDATE task SET workflow_id = 'wf_other' WHERE key = \(key0)",
            "UPDATE task SET step = (SELECT n FROM task_step WHERE step_id = 'decree') WHERE key = \(key0)",
        ] {
            let error = #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: change, arguments: [plan0]) } }
            #expect(error?.message == "a task keeps the workflow and step it was planned for")
        }
        try await queue.write { db in
            try db.execute(
                sql: "UPDATE task SET step = (SELECT n FROM task_step WHERE title = 'Pelatihan II') WHERE key = \(key0)", arguments: [plan0])
        }
        #expect(try await store.read { try $0.task(tasks[0].id)?.title } == "Pelatihan II")
        #expect(try await store.read { try $0.history(of: plan0) }.first?.detail == plans[0])
    }

    @Test func keepsAnyTextInHistoryDetails() async throws {
        let store = try await TestBackend.makeStore(in: directory)
        let detail = [
            "quote": #"say "hi""#, "backslash": #"C:\kader\"#, "controls": "a\nb\tc\r\u{1}\u{1f}",
            "unicode": "Désa Adat ᬩᬮᬶ 🌾", "slash": "a/b", "": "empty key", "z": "",
        ]
        try await store.write { writer in
            try writer.record("noted", entityKind: "cadre", entityID: "cdr_text", caller: Caller(uid: 0), at: Date(), detail: detail)
        }
        #expect(try await store.read { try $0.history(of: "cdr_text") }.first?.detail == detail)
    }

    @Test func refusesAFileThatIsNotADatabase() throws {
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
        #expect(error?.description.hasPrefix("the database \(path) cannot be used:") == true)
        #expect(error?.description.hasSuffix("Restore it from a backup or move it aside to start afresh") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(repeating: 0x41, count: 8192), "left untouched")
    }

    @Test func runsInWALModeWithTheChosenDurability() async throws {
        let full = try SQLiteStore(path: path, durability: .full)
        let cadre = try cadre("Wayan", village: "51.03.01.1001")
        try await full.write { try $0.insert(cadre) }
        // 2 is FULL: the log is flushed at every commit, as `full` promises.
        #expect(try full.synchronousInForce == 2)
        let queue = try DatabaseQueue(path: path)
        #expect(try await queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        let normal = try SQLiteStore(path: path, durability: .normal)
        #expect(try normal.synchronousInForce == 1)
    }

    @Test func theLogIsCopiedBackIntoTheFileBesideTheWrites() async throws {
        let store = try SQLiteStore(path: path)
        func size(_ path: String) throws -> Int { try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int }
        // 80 MiB in one write: 20,000 pages of log, past the 10,000 that ask for a checkpoint.
        // Until one is made, the pages are in the log alone and the file keeps its size.
        try await store.write { try $0.setMeta("ballast", String(repeating: "x", count: 80 << 20)) }
        #expect(try size(path + "-wal") > 80 << 20)
        let deadline = ContinuousClock.now + .seconds(60)
        while try size(path) < 80 << 20, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))  // between two looks at the file, not a wait for it
        }
        #expect(try size(path) >= 80 << 20, "a minute after the write the log was not copied back into the file")
        // Copied back, the log starts again at the next write and is cut to 64 MiB.
        var writes = 0
        while try size(path + "-wal") > 64 << 20, ContinuousClock.now < deadline {
            writes += 1
            let value = "\(writes)"
            try await store.write { try $0.setMeta("small", value) }
            try await Task.sleep(for: .milliseconds(50))  // between two writes, not a wait for one
        }
        let log = try size(path + "-wal")
        #expect(log <= 64 << 20, "the log is still \(log) bytes after \(writes) writes")
    }
}
