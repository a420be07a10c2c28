import Foundation
import GRDB
import KaderAPI
import KaderClient
import KaderCore
import KaderEngine
import KaderRPC
import KaderSQLite
import KaderStore
import KaderTesting
import Logging
import Testing

/// `report.progress` over the real server, against counts this test makes itself from
/// `task.list`, `cadre.list` and the region data. The store's clock is the test's, so
/// windows open, close and are missed when the test says.
@Suite struct ProgressReportTests {
    /// Two regencies in Bali (WITA) and two in Papua (WIT).
    static let regencies = ["51.03", "51.04", "91.03", "91.05"]

    /// The first desa (not a kelurahan) in `regency`, and a second one.
    static func desa(in regency: String) throws -> [String] {
        let directory = RegionDirectory.shared
        let villages = directory.children(of: try RegionCode(regency)).flatMap { directory.children(of: $0.code) }
        return Array(villages.map(\.code.description).filter { $0.split(separator: ".")[3].first == "2" }.prefix(2))
    }

    @Test func countsWhatTheListsShowPerProvinceAndNationally() async throws {
        let fixture = try await EngineFixture(now: "2026-03-01T00:00:00Z")
        let methods = DomainMethods(service: fixture.service, blackoutFiles: { BlackoutFileSet() }).methods
        let scheduler = Scheduler(service: fixture.service, clock: fixture.clock, logger: Logger(label: "test"))
        try await InProcessServer.with(methods: methods, translatingErrors: ErrorMapping.rpcError(for:)) { server in
            func call<T: Decodable & Sendable>(_ method: String, _ params: JSONValue, as type: T.Type) async throws -> T {
                try await onThread { try server.connect().call(method, params: params, as: T.self) }
            }
            func call(_ method: String, _ params: JSONValue) async throws -> JSONValue {
                try await onThread { try server.connect().call(method, params: params) }
            }
            // A cadre and a workflow in a desa of each regency; a second cadre, a candidate
            // with no workflow, in Badung.
            var workflows: [WorkflowDetail] = []
            for regency in Self.regencies {
                let village = try Self.desa(in: regency)[0]
                let cadre = try await call(
                    "cadre.register",
                    ["name": .string("Kader \(regency)"), "sex": "P", "birth_year": 1990, "field": "kesehatan",
                     "village": .string(village)],
                    as: CadreBatch.self
                ).cadres[0].id
                workflows.append(
                    try await call(
                        "workflow.start", ["program": "kpmd", "cadre": .string(cadre), "start_date": "2026-03-02"],
                        as: WorkflowDetail.self))
            }
            _ = try await call(
                "cadre.register",
                ["name": "Calon Kader", "sex": "L", "birth_year": 1995, "field": "pertanian",
                 "village": .string(try Self.desa(in: "51.03")[1])],
                as: CadreBatch.self)
            let facilitator = try await call(
                "facilitator.register", ["name": "Pendamping Badung", "role": "pendamping_desa"])["facilitator"]?["id"]
            _ = try await call(
                "facilitator.assign",
                ["id": try #require(facilitator), "region": .string(String(try Self.desa(in: "51.03")[0].prefix(8))),
                 "from": "2026-01-01"])

            func window(_ task: TaskInfo) throws -> (start: Date, end: Date) {
                (try Date(task.windowStart, strategy: .iso8601), try Date(task.windowEnd, strategy: .iso8601))
            }
            func complete(_ task: TaskInfo, at instant: Date, records: JSONValue = [:]) async throws {
                fixture.clock.set(instant)
                _ = try await call(
                    "task.complete",
                    ["id": .string(task.id), "records": records, "force": true, "reason": "recorded by the test"])
            }
            // Badung: identification, deliberation and decree done within their windows; the
            // decree makes its cadre a KPMD.
            let badung = workflows[0].tasks
            try await complete(badung[0], at: try window(badung[0]).start.addingTimeInterval(60))
            try await complete(badung[1], at: try window(badung[1]).start.addingTimeInterval(60))
            let decreeDay = try window(badung[2]).start.addingTimeInterval(60)
            try await complete(
                badung[2], at: decreeDay,
                records: ["decree_number": "141/12/2026", "decree_date": .string(String(badung[2].windowStart.prefix(10)))])
            // Gianyar: identification done a day after its window closed.
            let gianyar = workflows[1].tasks
            let lateRecord = try window(gianyar[0]).end.addingTimeInterval(86_400)
            try await complete(gianyar[0], at: lateRecord)
            // The scheduler's pass, once every identification window has closed: Papua's are missed.
            let closed = try workflows.map { try window($0.tasks[0]).end }.max()!
            fixture.clock.set(closed.addingTimeInterval(3 * 86_400))
            _ = try await scheduler.tick()
            // Then time passes with no pass: windows that close meanwhile are overdue.
            let later = try workflows.map { try window($0.tasks[2]).end }.max()!.addingTimeInterval(3600)
            fixture.clock.set(later)

            var tasks: [TaskInfo] = []
            var cursor: String?
            repeat {
                let page = try await call(
                    "task.list", cursor.map { ["cursor": .string($0), "limit": 500] } ?? ["limit": 500], as: TaskList.self)
                tasks += page.tasks
                cursor = page.nextCursor
            } while cursor != nil
            let cadres = try await call("cadre.list", ["limit": 500], as: CadreList.self).cadres

            /// What the report must say of `region` as of `cutoff` (by a task's village), counted
            /// here from the lists.
            func expected(_ region: String, cutoff: (TaskInfo) -> Date = { _ in later }, asOf: Bool = false) throws -> Expected {
                var counts = Expected()
                let inside = { (village: String?) in
                    let village = village ?? ""
                    return region.isEmpty || village == region || village.hasPrefix(region + ".")
                }
                for cadre in cadres where inside(cadre.fields.village) {
                    counts.cadres[cadre.fields.status ?? "", default: 0] += 1
                }
                counts.kpmdVillages = Set(
                    cadres.filter { inside($0.fields.village) && ["active", "completed"].contains($0.fields.status) }
                        .map(\.fields.village)
                ).count
                for task in tasks where inside(task.village) {
                    let (_, end) = try window(task)
                    let moment = cutoff(task)
                    let ended = task.updatedAt <= moment && ["done", "missed", "cancelled", "failed"].contains(task.state)
                    if ended, task.state == "done" {
                        counts.done += 1
                        if task.updatedAt <= end { counts.onTime += 1 }
                    } else if ended, task.state == "missed" {
                        counts.missed += 1
                    } else if !ended, end <= moment {
                        counts.overdue += 1
                    }
                }
                // Now, a workflow has reached the step of its latest task that turned due or
                // ended; as of a day, that of its latest task whose window had opened.
                var reached: [String: String] = [:]
                for task in tasks.sorted(by: { $0.windowStart < $1.windowStart }) where inside(task.village) {
                    if reached[task.workflow] == nil { reached[task.workflow] = ProgressRow.notStarted }
                    let hasReached =
                        asOf ? try window(task).start <= cutoff(task) : ["due", "in_progress", "done", "missed"].contains(task.state)
                    if hasReached { reached[task.workflow] = task.step }
                }
                for step in reached.values { counts.steps[step, default: 0] += 1 }
                return counts
            }
            func actual(_ row: ProgressRow) -> Expected {
                Expected(
                    cadres: row.cadres.filter { $0.value > 0 }, kpmdVillages: row.villagesWithKPMD, done: row.tasksDone,
                    onTime: row.tasksDoneOnTime, missed: row.tasksMissed, overdue: row.tasksOverdue,
                    steps: row.activeWorkflowsByStep)
            }

            let national = try await call("report.progress", [:], as: ProgressReportWire.self)
            #expect(national.region == nil)
            #expect(national.rowLevel == "province")
            #expect(national.rows.count == 38)
            for row in national.rows {
                let code = row.region!.code
                #expect(actual(row) == (try expected(code)), "province \(code)")
                #expect(row.villages == (try Self.countDesa(in: code)), "province \(code)")
            }
            let everywhere = try expected("")
            #expect(actual(national.total) == everywhere)
            // Every kind of outcome is in the store, so each count above was put to the test.
            #expect(everywhere.onTime > 0 && everywhere.done > everywhere.onTime && everywhere.missed > 0 && everywhere.overdue > 0)
            #expect(everywhere.kpmdVillages == 1 && everywhere.cadres == ["active": 1, "candidate": 4])
            #expect(national.total.facilitators == 1)
            #expect(national.rows.first { $0.region?.code == "51" }?.facilitators == 1)
            #expect(national.total.onTimeRate == Double(everywhere.onTime) / Double(everywhere.done + everywhere.missed + everywhere.overdue))

            for province in ["51", "91"] {
                let report = try await call("report.progress", ["province": .string(province)], as: ProgressReportWire.self)
                #expect(report.region?.code == province)
                #expect(report.rowLevel == "regency")
                #expect(report.rows.map { $0.region!.code } == RegionDirectory.shared.children(of: try RegionCode(province)).map(\.code.description))
                for row in report.rows {
                    #expect(actual(row) == (try expected(row.region!.code)), "regency \(row.region!.code)")
                }
                #expect(actual(report.total) == (try expected(province)))
                #expect(report.total.villages == (try Self.countDesa(in: province)))
            }
            // As of the day before Gianyar's late record, in each village's zone: that task
            // was overdue then, not done.
            let asOf = LocalDate(lateRecord.addingTimeInterval(-86_400), in: TimeZone(identifier: "Asia/Makassar")!)
            let endOfDay = { (task: TaskInfo) in
                min(asOf.adding(days: 1).date(in: TimeZone(identifier: task.timeZone)!), later)
            }
            let then = try await call(
                "report.progress", ["province": "51", "as_of": .string(asOf.description)], as: ProgressReportWire.self)
            #expect(then.asOf == asOf.description)
            for row in then.rows {
                #expect(actual(row) == (try expected(row.region!.code, cutoff: endOfDay, asOf: true)), "\(row.region!.code) as of \(asOf)")
            }
            #expect(actual(then.total) != actual(try #require(national.rows.first { $0.region?.code == "51" })))
            let tomorrow = LocalDate(later, in: TimeZone(identifier: "Asia/Jayapura")!).adding(days: 1)
            do {
                _ = try await call("report.progress", ["as_of": .string(tomorrow.description)], as: ProgressReportWire.self)
                Issue.record("a day to come was reported on")
            } catch ClientError.remote(let error) {
                #expect(error.kind == .invalid, "\(error.kind) \(error.message)")
                #expect(error.fields.map(\.field) == ["as_of"])
            }

            // The counts kept by every write are the counts made again from the tables (as
            // the migration that added them and a store move make them).
            if TestBackend.current == .sqlite {
                let queue = try DatabaseQueue(path: fixture.directory.file("kaderd.sqlite"))
                let counts = """
                    SELECT district, key, n FROM progress_count WHERE n <> 0
                    UNION ALL SELECT village, status, n FROM progress_cadre WHERE n <> 0 ORDER BY 1, 2
                    """
                let months = "SELECT regency, month, key, n FROM progress_month ORDER BY 1, 2, 3"
                let kept = try queue.read { db in
                    (try Row.fetchAll(db, sql: counts), try Row.fetchAll(db, sql: months),
                     try Row.fetchAll(db, sql: "SELECT id, reached_step FROM workflow ORDER BY id"))
                }
                try await queue.write { db in
                    let month = { (instant: String) in "strftime('%Y-%m', \(instant), 'unixepoch')" }
                    for statement in ProgressCounters.rebuild(month: month, stepOf: SQLiteReader.stepOfTask, taskKey: "key") {
                        try db.execute(sql: statement)
                    }
                }
                let made = try queue.read { db in
                    (try Row.fetchAll(db, sql: counts), try Row.fetchAll(db, sql: months),
                     try Row.fetchAll(db, sql: "SELECT id, reached_step FROM workflow ORDER BY id"))
                }
                #expect(kept.0 == made.0)
                #expect(kept.1 == made.1)
                #expect(kept.2 == made.2)
                #expect(kept.1.count > 1, "tasks done and missed in more than one regency or month")
            }

            let byDistrict = try await call("report.progress", ["regency": "51.03"], as: ProgressReportWire.self)
            #expect(byDistrict.rows.first { $0.facilitators == 1 }?.region?.code == String(try Self.desa(in: "51.03")[0].prefix(8)))
            #expect(byDistrict.rows.filter { $0.facilitators > 0 }.count == 1)
        }
    }

    /// What `report.progress` counts, in a form both sides can be compared in.
    struct Expected: Equatable, CustomStringConvertible {
        var cadres: [String: Int] = [:]
        var kpmdVillages = 0
        var done = 0
        var onTime = 0
        var missed = 0
        var overdue = 0
        var steps: [String: Int] = [:]

        var description: String {
            "cadres \(cadres.sorted { $0.key < $1.key }), kpmd villages \(kpmdVillages), done \(done) (on time \(onTime)), "
                + "missed \(missed), overdue \(overdue), steps \(steps.sorted { $0.key < $1.key })"
        }
    }

    /// Desa and desa adat within `code`, counted by walking the region tree.
    static func countDesa(in code: String) throws -> Int {
        let directory = RegionDirectory.shared
        var count = 0
        var open = [try RegionCode(code)]
        while let next = open.popLast() {
            let children = directory.children(of: next)
            if children.isEmpty, next.level == .village {
                if ["2", "3"].contains(next.description.split(separator: ".")[3].first.map(String.init)) { count += 1 }
            }
            open += children.map(\.code)
        }
        return count
    }
}
