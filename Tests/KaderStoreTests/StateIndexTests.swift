import Foundation
import GRDB
import KaderCore
@testable import KaderSQLite
import KaderStore
import KaderTesting
import Synchronization
import Testing

/// SQLite uses the partial state index (v16) only for a query that names its condition:
/// each query for open tasks is answered from it, and the condition they name is the one
/// the store's index was made with.
@Suite struct StateIndexTests {
    let directory = TemporaryDirectory()
    var path: String { directory.file("kaderd.sqlite") }
    static let first: TimeInterval = 1_800_000_000

    @Test func theStateIndexIsTheOneQueriesName() throws {
        _ = try SQLiteStore(path: path)
        let made = try DatabaseQueue(path: path).read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'task_by_state'")
        }
        let definition = try #require(SQLiteReader.stateIndex.definition)
        #expect(try #require(made).hasSuffix("WHERE \(definition)"), "\(made ?? "")")
    }

    @Test func everyQueryForOpenTasksReadsTheStateIndex() async throws {
        let store = try SQLiteStore(path: path)
        let village = try RegionCode("51.03.01.1002")
        let workflow = Workflow(
            id: WorkflowID(random: "w1"), programID: "kpmd", programVersion: 1, village: village,
            zoneIdentifier: "Asia/Makassar", cadres: [], startDate: try LocalDate(parsing: "2027-01-15"),
            createdAt: Date(timeIntervalSince1970: Self.first))
        let tasks = TaskState.allCases.enumerated().map { (n: Int, state: TaskState) in
            WorkflowTask(
                id: TaskID(random: "t\(n)"), workflowID: workflow.id, stepID: "visit", kind: StepKind(rawValue: "visit"),
                title: "Kunjungan", occurrence: n + 1, occurrences: TaskState.allCases.count, village: village,
                zoneIdentifier: "Asia/Makassar", windowStart: Date(timeIntervalSince1970: Self.first + Double(n) * 3600),
                windowEnd: Date(timeIntervalSince1970: Self.first + Double(n) * 3600 + 1800), state: state, records: [:],
                updatedAt: Date(timeIntervalSince1970: Self.first))
        }
        try await store.write { try $0.insert(workflow, tasks: tasks) }
        let later = Date(timeIntervalSince1970: Self.first + 30 * 86_400)
        let calls: [(String, @Sendable (SQLiteReader) throws -> Void)] = [
            ("deadlines", { _ = try $0.deadlines(before: later, grace: 3600) }),
            ("scheduledTasks(openingIn:)", {
                _ = try $0.scheduledTasks(openingIn: Date(timeIntervalSince1970: Self.first)..<later) }),
            ("nextScheduledTask", { _ = try $0.nextScheduledTask() }),
            ("tasks(matching: due, in progress)", {
                _ = try $0.tasks(matching: TaskQuery(states: [.due, .inProgress]), page: PageRequest(cursor: nil, limit: 10)) }),
            ("progress, overdue", {
                _ = try $0.progress(
                    within: nil, rows: .province, cutoff: ReportCutoff(zones: [], otherwise: later, isNow: true)) }),
        ]
        let queue = try DatabaseQueue(path: path)
        for (name, call) in calls {
            let plans = try await queue.read { db in
                let statements = Mutex<[String]>([])
                db.trace(options: .statement) { event in
                    if case .statement(let statement) = event { statements.withLock { $0.append(statement.expandedSQL) } }
                }
                try call(SQLiteReader(db: db))
                db.trace(options: [], nil)
                return try statements.withLock(\.self).flatMap { sql in
                    try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(sql)").map { $0["detail"] as String }
                }
            }
            #expect(plans.contains { $0.contains("task_by_state") }, "\(name): \(plans)")
        }
    }
}
