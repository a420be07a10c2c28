import Foundation
import KaderCore
import KaderStore
import KaderTesting
import Testing

/// Tasks read back by column position, and paged through with a cursor.
@Suite struct TaskRowTests {
    let directory = TemporaryDirectory()

    private func tasks(of workflow: WorkflowID, village: RegionCode) -> [WorkflowTask] {
        (0..<5).map { (n: Int) -> WorkflowTask in
            // Two tasks share a start, so the cursor's tie-break on the id is used.
            let start: TimeInterval = 1_800_000_000 + TimeInterval(n / 2 * 3600)
            let end: TimeInterval = start + 7200
            let updated: TimeInterval = 1_767_000_000.25 + TimeInterval(n)
            let records: [String: String] = n == 3 ? ["decree_number": "12/2026", "note": "é\n"] : [:]
            return WorkflowTask(
                id: TaskID(random: "t\(4 - n)"), workflowID: workflow, stepID: "step\(n)",
                kind: StepKind(rawValue: "meeting"), title: "Rapat \"\(n)\"", occurrence: n + 1, occurrences: 5,
                village: village, zoneIdentifier: "Asia/Makassar", windowStart: Date(timeIntervalSince1970: start),
                windowEnd: Date(timeIntervalSince1970: end), state: n == 3 ? .done : .scheduled, records: records,
                updatedAt: Date(timeIntervalSince1970: updated))
        }
    }

    @Test func readsBackEveryFieldAndPagesInWindowOrder() async throws {
        let store = try KaderStore(path: directory.file("kaderd.sqlite"))
        let village = try RegionCode("51.03.01.1002")
        let workflow = Workflow(
            id: WorkflowID(random: "w1"), programID: "kpmd", programVersion: 1, village: village,
            zoneIdentifier: "Asia/Makassar", cadres: [], startDate: try LocalDate(parsing: "2027-01-15"),
            createdAt: Date(timeIntervalSince1970: 1_767_000_000))
        let written = tasks(of: workflow.id, village: village)
        try await store.write { try $0.insert(workflow, tasks: written) }

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
}
