import Foundation
import GRDB
import KaderClient
import KaderRPC
import KaderTesting
import Testing

/// The real daemon, stopped for a week and started again: each step's catch-up policy.
@Suite struct CatchUpTests {
    static let program = """
        id = "daily"
        version = 1
        title = "Daily visits, one step per catch-up policy"

        [[steps]]
        id = "once"
        kind = "mentoring_visit"
        title = "Visit (once)"
        recurrence = "FREQ=DAILY;COUNT=10"
        catch_up = "once"

        [[steps]]
        id = "all"
        kind = "mentoring_visit"
        title = "Visit (all)"
        recurrence = "FREQ=DAILY;COUNT=10"
        catch_up = "all"

        [[steps]]
        id = "skip"
        kind = "mentoring_visit"
        title = "Visit (skip)"
        recurrence = "FREQ=DAILY;COUNT=10"
        catch_up = "skip"

        [[steps]]
        id = "reschedule"
        kind = "mentoring_visit"
        title = "Visit (reschedule)"
        recurrence = "FREQ=DAILY;COUNT=10"
        catch_up = "reschedule"
        """

    @Test func aWeekDownIsCaughtUpByEachStepsPolicyAndDaemonStatusCountsIt() async throws {
        let directory = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.file("programs"), withIntermediateDirectories: true)
        try Self.program.write(toFile: directory.file("programs/daily.toml"), atomically: true, encoding: .utf8)
        let config = directory.file("daily.toml")
        try "program_dirs = [\"\(directory.file("programs"))\"]\n".write(toFile: config, atomically: true, encoding: .utf8)
        let tomorrow = Date().addingTimeInterval(86_400).formatted(
            Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "Asia/Makassar")!).year().month().day())

        let first = try await KaderdProcess(directory: directory, arguments: ["--config", config])
        let tasks = try await onThread {
            let connection = try first.connect()
            let cadre = try connection.call(
                "cadre.register",
                params: ["name": "Ketut", "sex": "L", "birth_year": 1990, "field": "ekonomi", "village": "51.03.01.1002"],
                as: CadreBatch.self
            ).cadres[0].id
            return try connection.call(
                "workflow.start", params: ["program": "daily", "cadre": .string(cadre), "start_date": .string(tomorrow)],
                as: WorkflowDetail.self
            ).tasks
        }
        #expect(tasks.count == 40)
        first.signal(SIGTERM)
        #expect(try await first.waitForExit() == 0)

        // A week and a day pass while it is down: the database ages as if it had.
        let week = 8 * 86_400
        let queue = try DatabaseQueue(path: directory.file("state/kaderd.sqlite"))
        try await queue.write { db in
            try db.execute(sql: "UPDATE task SET window_start = window_start - ?, window_end = window_end - ?", arguments: [week, week])
            try db.execute(sql: "UPDATE meta SET value = CAST(value AS REAL) - ? WHERE key = 'scheduler.last_alive'", arguments: [week])
        }
        let now = Int64(Date().timeIntervalSince1970)
        let passedPerStep = try await queue.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM task JOIN task_step ON n = step WHERE step_id = 'once' AND window_start < ?", arguments: [now])
        }
        let passed = try #require(passedPerStep)
        #expect(passed >= 7)

        let second = try await KaderdProcess(directory: directory, arguments: ["--config", config])
        let status = try await onThread { try second.connect().call("daemon.status", as: DaemonStatus.self) }
        let catchUp = try #require(status.schedule?.lastCatchUp)
        #expect(catchUp.counts == ["once": passed, "all": passed, "skip": passed, "reschedule": passed])

        let states = try await queue.read { db in
            try Row.fetchAll(db, sql: "SELECT step_id, state, COUNT(*) AS n FROM task JOIN task_step ON task_step.n = step GROUP BY step_id, state")
                .reduce(into: [String: Int]()) { counts, row in counts["\(row["step_id"] as String).\(row["state"] as String)"] = row["n"] }
        }
        let later = 10 - passed
        #expect(states == [
            "once.due": 1, "once.missed": passed - 1, "once.scheduled": later,
            "all.due": passed, "all.scheduled": later,
            "skip.missed": passed, "skip.scheduled": later,
            "reschedule.scheduled": 10,
        ])
    }
}
