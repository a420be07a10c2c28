import Foundation
import KaderCore
import KaderStore
import KaderTesting
import Testing

/// Tasks written and read back: by column position, paged with a cursor, counted by state
/// and turned into the scheduler's deadlines.
@Suite struct TaskRowTests {
    let directory = TemporaryDirectory()

    private func tasks(of workflow: WorkflowID, village: RegionCode) -> [WorkflowTask] {
        (0..<5).map { (n: Int) -> WorkflowTask in
            // Two tasks share a start, so the cursor's tie-break on the id is used: ids as
            // kaderd makes them, in the reverse order of the tasks, which SQLite keeps by the
            // number each spells (v17).
            let start: TimeInterval = 1_800_000_000 + TimeInterval(n / 2 * 3600)
            let end: TimeInterval = start + 7200
            let updated: TimeInterval = 1_767_000_000.25 + TimeInterval(n)
            let records: [String: String] = n == 3 ? ["decree_number": "12/2026", "note": "é\n"] : [:]
            return WorkflowTask(
                id: IDStamp(millisecond: 1_767_000_000_000, counter: UInt64(4 - n)).id(), workflowID: workflow, stepID: "step\(n)",
                kind: StepKind(rawValue: "meeting"), title: "Rapat \"\(n)\"", occurrence: n + 1, occurrences: 5,
                village: village, zoneIdentifier: "Asia/Makassar", windowStart: Date(timeIntervalSince1970: start),
                windowEnd: Date(timeIntervalSince1970: end), state: n == 3 ? .done : .scheduled, records: records,
                updatedAt: Date(timeIntervalSince1970: updated))
        }
    }

    /// A store holding one workflow of the five tasks above.
    private func storeWithAWorkflow() async throws -> (any Store, Workflow, [WorkflowTask]) {
        let store = try await TestBackend.makeStore(in: directory)
        let village = try RegionCode("51.03.01.1002")
        let workflow = Workflow(
            id: WorkflowID(random: "w1"), programID: "kpmd", programVersion: 1, village: village,
            zoneIdentifier: "Asia/Makassar", cadres: [], startDate: try LocalDate(parsing: "2027-01-15"),
            createdAt: Date(timeIntervalSince1970: 1_767_000_000))
        let written = tasks(of: workflow.id, village: village)
        try await store.write { try $0.insert(workflow, tasks: written) }
        return (store, workflow, written)
    }

    @Test func readsBackEveryFieldAndPagesInWindowOrder() async throws {
        let (store, workflow, written) = try await storeWithAWorkflow()

        let expected = written.sorted { ($0.windowStart, $0.id) < ($1.windowStart, $1.id) }
        var listed: [WorkflowTask] = []
        var cursors: [String?] = []
        var cursor: String?
        repeat {
            let page = try await store.read { [cursor] in
                try $0.tasks(matching: TaskQuery(), page: PageRequest(cursor: cursor, limit: 2))
            }
            listed += page.items
            cursor = page.nextCursor
            cursors.append(cursor)
        } while cursor != nil
        #expect(listed == expected)
        #expect(cursors.count == 3)
        #expect(cursors.first == "t1800000000_\(expected[1].id.rawValue)")
        #expect(try await store.read { try $0.task(expected[4].id) } == expected[4])
        #expect(try await store.read { try $0.tasks(of: workflow.id) } == expected)
    }

    @Test func countsTasksByStateAndFindsEveryDeadline() async throws {
        let (store, _, stored) = try await storeWithAWorkflow()
        var written = stored
        #expect(try await store.read { try $0.taskCounts() } == [.scheduled: 4, .done: 1])

        // A follow-up added later, and a task that fell due: both counts move.
        var followUp = written[0]
        followUp.id = TaskID(random: "follow")
        try await store.write { [followUp] in try $0.insert([followUp]) }
        written[4].state = .due
        try await store.write { [task = written[4]] in try $0.update(task, from: .scheduled) }
        #expect(try await store.read { try $0.taskCounts() } == [.scheduled: 4, .due: 1, .done: 1])

        // Windows: 0 and 1 (and the follow-up) open at 1_800_000_000, 2 at +3600, 4 (due) at
        // +7200; each closes two hours after it opens. Before +7300 with a grace of 60 s:
        let deadlines = try await store.read {
            try $0.deadlines(before: Date(timeIntervalSince1970: 1_800_007_300), grace: 60)
        }
        let opens = Set(deadlines.filter { $0.kind == .opens }.map(\.task))
        let closes = Set(deadlines.filter { $0.kind == .closes }.map(\.task))
        #expect(opens == [written[0].id, written[1].id, written[2].id, followUp.id])
        #expect(closes == [written[0].id, written[1].id, followUp.id])
        #expect(deadlines.map(\.at) == deadlines.map(\.at).sorted())

        // Later, the due task's window closes too; the done one never appears.
        let all = try await store.read { try $0.deadlines(before: Date(timeIntervalSince1970: 1_800_020_000), grace: 60) }
        #expect(Set(all.filter { $0.kind == .closes }.map(\.task)) == [
            written[0].id, written[1].id, written[2].id, written[4].id, followUp.id,
        ])
        #expect(!all.contains { $0.task == written[3].id })
    }

    @Test func aTaskIsWrittenOnlyFromTheStateItWasReadIn() async throws {
        let (store, _, stored) = try await storeWithAWorkflow()
        var due = stored[4]
        due.state = .due
        try await store.write { [due] in try $0.update(due, from: .scheduled) }

        // A second writer that read the task while it was scheduled moves it to missed:
        // refused, and nothing of its transaction is kept.
        var missed = stored[4]
        missed.state = .missed
        await #expect(throws: StoreError.changedMeanwhile(what: "task \(missed.id)")) {
            try await store.write { [missed] writer in
                try writer.record("moved", entityKind: "task", entityID: missed.id.rawValue, caller: Caller(uid: nil), at: Date())
                try writer.update(missed, from: .scheduled)
            }
        }
        let id = due.id
        #expect(try await store.read { try $0.task(id) }?.state == .due)
        #expect(try await store.read { try $0.history(of: id.rawValue) }.isEmpty)
    }

    /// A province's week, a province's two months and a district's week list what they
    /// hold in window order, page by page, whichever index each is read along (the time
    /// index for a province's short range, the village index otherwise).
    @Test func aRegionsRangeListsItsTasksInWindowOrderAlongEitherIndex() async throws {
        let store = try await TestBackend.makeStore(in: directory)
        let villages = try ["51.03.01.1002", "51.03.01.2001", "51.71.01.1001", "52.01.01.2001"].map(RegionCode.init)
        let first: TimeInterval = 1_800_000_000
        var all: [WorkflowTask] = []
        for (v, village) in villages.enumerated() {
            let workflow = Workflow(
                id: WorkflowID(random: "w\(v)"), programID: "kpmd", programVersion: 1, village: village,
                zoneIdentifier: "Asia/Makassar", cadres: [], startDate: try LocalDate(parsing: "2027-01-15"),
                createdAt: Date(timeIntervalSince1970: first))
            // Every village's tasks open at the same instants, a few a day for ten weeks.
            let tasks = (0..<40).map { (n: Int) -> WorkflowTask in
                let start = first + TimeInterval(n / 2) * 3 * 86_400
                return WorkflowTask(
                    id: TaskID(random: "t\(v)x\(n)"), workflowID: workflow.id, stepID: "visit",
                    kind: StepKind(rawValue: "visit"), title: "Kunjungan", occurrence: n + 1, occurrences: 40,
                    village: village, zoneIdentifier: "Asia/Makassar", windowStart: Date(timeIntervalSince1970: start),
                    windowEnd: Date(timeIntervalSince1970: start + 86_400), state: .scheduled, records: [:],
                    updatedAt: Date(timeIntervalSince1970: first))
            }
            try await store.write { try $0.insert(workflow, tasks: tasks) }
            all += tasks
        }
        let queries = [
            (try RegionCode("51"), 7.0), (try RegionCode("51"), 60.0), (try RegionCode("51.03.01"), 7.0),
        ]
        for (region, days) in queries {
            let from = Date(timeIntervalSince1970: first + 6 * 86_400)
            let until = from.addingTimeInterval(days * 86_400)
            let expected = all.filter { $0.village.isWithin(region) && $0.windowStart >= from && $0.windowStart < until }
                .sorted { ($0.windowStart, $0.id) < ($1.windowStart, $1.id) }
            var listed: [WorkflowTask] = []
            var cursor: String?
            repeat {
                let page = try await store.read { [cursor] in
                    try $0.tasks(
                        matching: TaskQuery(region: RegionFilter(within: [region]), from: from, until: until),
                        page: PageRequest(cursor: cursor, limit: 3))
                }
                listed += page.items
                cursor = page.nextCursor
            } while cursor != nil
            #expect(!expected.isEmpty)
            #expect(listed.map(\.id) == expected.map(\.id), "\(region), \(days) days")
        }
    }

    /// A list by state holds exactly the tasks in those states, in window order, page by
    /// page: the states kept in the state index (scheduled, due, cancelled…) and those
    /// found along the time index (done, missed), alone and together.
    @Test func listsByStateHoldTheirTasksWhicheverIndexHoldsThem() async throws {
        let store = try await TestBackend.makeStore(in: directory)
        let village = try RegionCode("51.03.01.1002")
        let first: TimeInterval = 1_800_000_000
        let workflow = Workflow(
            id: WorkflowID(random: "w1"), programID: "kpmd", programVersion: 1, village: village,
            zoneIdentifier: "Asia/Makassar", cadres: [], startDate: try LocalDate(parsing: "2027-01-15"),
            createdAt: Date(timeIntervalSince1970: first))
        // Three tasks in each state, their windows interleaved across states, two sharing a start.
        let tasks = TaskState.allCases.enumerated().flatMap { (s: Int, state: TaskState) in
            (0..<3).map { (n: Int) -> WorkflowTask in
                let start = first + TimeInterval((n * 7 + s) / 2) * 3600
                return WorkflowTask(
                    id: TaskID(random: "s\(s)n\(n)"), workflowID: workflow.id, stepID: "visit",
                    kind: StepKind(rawValue: "visit"), title: "Kunjungan", occurrence: n + 1, occurrences: 3,
                    village: village, zoneIdentifier: "Asia/Makassar", windowStart: Date(timeIntervalSince1970: start),
                    windowEnd: Date(timeIntervalSince1970: start + 3600), state: state, records: [:],
                    updatedAt: Date(timeIntervalSince1970: first))
            }
        }
        try await store.write { try $0.insert(workflow, tasks: tasks) }
        let lists: [[TaskState]] =
            TaskState.allCases.map { [$0] } + [[.done, .missed], [.due, .done], [.scheduled, .cancelled, .inProgress]]
        for states in lists {
            let expected = tasks.filter { states.contains($0.state) }.sorted { ($0.windowStart, $0.id) < ($1.windowStart, $1.id) }
            var listed: [WorkflowTask] = []
            var cursor: String?
            repeat {
                let page = try await store.read { [cursor] in
                    try $0.tasks(matching: TaskQuery(states: states), page: PageRequest(cursor: cursor, limit: 2))
                }
                listed += page.items
                cursor = page.nextCursor
            } while cursor != nil
            #expect(listed.map(\.id) == expected.map(\.id), "\(states)")
        }
    }
}
