import Foundation
import KaderClient
import KaderCore
import KaderPostgres
import KaderRPC
import KaderStore
import KaderTesting
import Logging
import Testing

/// Several kaderd on one PostgreSQL database, as real processes: whichever backend the rest
/// of the run is on, these always run on the run's PostgreSQL cluster.
@Suite struct ClusterTests {
    /// The leader's lease in these tests: short, so that a failover takes seconds.
    private static let lease = 2.0

    /// The nodes' kaderd.toml: the same database for each, a name of its own.
    private static func config(_ database: (server: PostgresServer, name: String), node: String) -> String {
        """
        store = "postgresql"
        postgresql = "\(database.server.url(database.name))"
        node_name = "\(node)"
        leader_lease_seconds = \(lease)

        """
    }

    private static func startNodes(_ names: [String]) async throws -> [KaderdProcess] {
        let database = try await TestBackend.postgresDatabase()
        var nodes: [KaderdProcess] = []
        for name in names {
            nodes.append(try await KaderdProcess(directory: TemporaryDirectory(), config: config(database, node: name)))
        }
        return nodes
    }

    /// Each node's view of the cluster, from its `daemon.status`.
    private static func clusters(_ nodes: [KaderdProcess]) throws -> [ClusterStatus] {
        try nodes.map { try #require(try $0.connect().call("daemon.status", as: DaemonStatus.self).cluster) }
    }

    /// Asks until `condition` holds of the nodes' views, for at most `limit` seconds; returns
    /// the views that satisfied it, or nil.
    private static func awaitClusters(
        _ nodes: [KaderdProcess], within limit: TimeInterval, _ condition: ([ClusterStatus]) -> Bool
    ) throws -> (views: [ClusterStatus], after: TimeInterval)? {
        let start = Date()
        while Date().timeIntervalSince(start) < limit {
            let views = try clusters(nodes)
            if condition(views) { return (views, Date().timeIntervalSince(start)) }
            usleep(50_000)  // between two asks of the daemons, not a wait for them
        }
        return nil
    }

    private static func logger() -> Logger { Logger(label: "kaderd-test", factory: { _ in SwiftLogNoOpLogHandler() }) }

    private func register(_ connection: RPCConnection, _ names: [String]) throws {
        let cadres = names.map {
            CadreFields(name: $0, sex: "female", birthYear: 1990, field: "kesehatan", village: "51.03.02.2001")
        }
        _ = try connection.call("cadre.register", params: JSONValue(encoding: CadreRegisterParams(cadres: cadres)))
    }

    private func nextEvent(_ connection: RPCConnection) throws -> EventInfo {
        while true {
            let line = try #require(try connection.readLine())
            let json = try JSONParser.parse(line)
            if json["method"] == "events.event", let params = json["params"] { return try params.decode(EventInfo.self) }
        }
    }

    @Test func aChangeThroughEitherNodeReachesSubscribersOnBothInOneOrder() async throws {
        let nodes = try await Self.startNodes(["a", "b"])
        try await onThread {
            let subscribers = try nodes.map { node in
                let connection = try node.connect()
                _ = try connection.call("events.subscribe", params: ["since": 0])
                return connection
            }
            // Both nodes write, one after the other and then at once.
            try register(try nodes[0].connect(), ["Ni Made Sari"])
            try register(try nodes[1].connect(), ["Ni Luh Putu"])
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                try? register(try nodes[index].connect(), (0..<5).map { "Kader \(index)-\($0)" })
            }
            let streams = try subscribers.map { subscriber in try (0..<12).map { _ in try nextEvent(subscriber) } }
            #expect(streams[0].map(\.seq) == Array(1...12))
            #expect(streams[0] == streams[1])
            #expect(Set(streams[0].map(\.entityID)).count == 12)
        }
    }

    @Test func aWorkflowStartedOnOneNodeIsCountedInTheOthersStatus() async throws {
        let nodes = try await Self.startNodes(["a", "b"])
        let tomorrow = Date().addingTimeInterval(86_400).formatted(
            Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "Asia/Makassar")!).year().month().day())
        try await onThread {
            let watcher = try nodes[1].connect()
            _ = try watcher.call("events.subscribe")
            let connection = try nodes[0].connect()
            let cadre = try connection.call(
                "cadre.register",
                params: ["name": "Ni Made Sari", "sex": "P", "birth_year": 1994, "field": "kesehatan", "village": "51.03.02.2001"],
                as: CadreBatch.self
            ).cadres[0].id
            _ = try connection.call("workflow.start", params: ["cadre": .string(cadre), "start_date": .string(tomorrow)])
            // Node b publishes what it counts before it wakes its subscribers.
            while try nextEvent(watcher).entityKind != "workflow" {}
            let status = try nodes[1].connect().call("daemon.status", as: DaemonStatus.self)
            #expect(status.schedule?.activeWorkflows == 1)
            #expect(status.schedule?.tasks["scheduled"] == 11)
        }
    }

    @Test func oneNodeLeadsAndAnotherTakesOverWithinALeaseWhenTheLeaderIsKilled() async throws {
        let nodes = try await Self.startNodes(["a", "b", "c"])
        try await onThread {
            // Every node sees all three, and the same single leader.
            let settled = try #require(try Self.awaitClusters(nodes, within: 10) { views in
                views.allSatisfy { $0.nodes.map(\.name) == ["a", "b", "c"] && $0.leader == views[0].leader }
            }).views
            #expect(settled.filter { $0.role == "leader" }.map(\.node) == ["a"], "the first node started leads")
            #expect(settled.map(\.term) == [1, 1, 1])
            #expect(settled.allSatisfy { $0.leaseExpiresInSeconds <= Self.lease && $0.nodes.allSatisfy { $0.pid > 0 } })

            nodes[0].signal(SIGKILL)
            let survivors = Array(nodes.dropFirst())
            let takeover = try #require(try Self.awaitClusters(survivors, within: 10) { views in
                views.contains { $0.role == "leader" } && views.allSatisfy { $0.term == 2 }
            })
            #expect(takeover.views.filter { $0.role == "leader" }.count == 1)
            // The lease lapses within one lease of the kill; a survivor takes it at its next
            // heartbeat, a third of a lease later at most.
            #expect(takeover.after < Self.lease * 4 / 3 + 1)
        }
    }

    @Test func aLeaderWhoseLeaseHasPassedToAnotherNodeWritesNothingUnderItsOldTerm() async throws {
        let database = try await TestBackend.postgresDatabase()
        let location = try PostgresLocation(url: database.server.url(database.name), defaultUser: database.server.user)
        let a = try await PostgresStore(location, password: nil, node: "a", logger: Self.logger())
        let b = try await PostgresStore(location, password: nil, node: "b", logger: Self.logger())
        let lease = Duration.milliseconds(500)
        let first = try await a.heartbeat(lease: lease)
        #expect(first.isMine && first.term == 1 && first.holder == "a")
        let seen = try await b.heartbeat(lease: lease)
        #expect(!seen.isMine && seen.holder == "a")
        // a stops renewing, as a paused process would; b takes the lease once it lapses.
        var taken = seen
        let deadline = Date().addingTimeInterval(10)
        while !taken.isMine, Date() < deadline { taken = try await b.heartbeat(lease: lease) }
        #expect(taken.isMine && taken.term == 2)

        let before = a.notifier.latest
        await #expect(throws: StoreError.notLeader(term: 1)) {
            try await a.write { writer in
                try writer.fence(term: 1)
                try writer.record("moved", entityKind: "task", entityID: "tsk_stale", caller: .scheduler, at: Date())
            }
        }
        #expect(try await b.read { try $0.history(after: before, limit: 10) }.isEmpty)
        let lost = try await a.heartbeat(lease: lease)
        #expect(!lost.isMine && lost.holder == "b" && lost.term == 2)
        try await b.write { writer in
            try writer.fence(term: 2)
            try writer.record("moved", entityKind: "task", entityID: "tsk_fresh", caller: .scheduler, at: Date())
        }
        #expect(try await a.read { try $0.history(after: before, limit: 10) }.map(\.entityID) == ["tsk_fresh"])
        await a.close()
        await b.close()
    }

    @Test func aLeaseTakenAfterTheWholeClusterWasDownOwesOneCatchUpUntilOneIsMade() async throws {
        let database = try await TestBackend.postgresDatabase()
        let location = try PostgresLocation(url: database.server.url(database.name), defaultUser: database.server.user)
        let a = try await PostgresStore(location, password: nil, node: "a", logger: Self.logger())
        let first = try await a.heartbeat(lease: .seconds(15))
        #expect(first.isMine && first.catchUpSince == nil, "the very first leader owes nothing")
        // The whole cluster down for an hour: the lease was last renewed an hour ago.
        _ = try await onThread {
            try database.server.psql(
                database.name, "UPDATE kaderd_lease SET renewed_at = renewed_at - 3600, expires_at = expires_at - 3600")
        }
        let downSince = try #require(first.renewedAt).addingTimeInterval(-3600)
        let b = try await PostgresStore(location, password: nil, node: "b", logger: Self.logger())
        let taken = try await b.heartbeat(lease: .seconds(15))
        #expect(taken.isMine && taken.term == 2)
        #expect(abs(try #require(taken.catchUpSince).timeIntervalSince(downSince)) < 0.001)
        // b dies before catching up: c, taking over, owes the same catch-up.
        _ = try await onThread { try database.server.psql(database.name, "UPDATE kaderd_lease SET expires_at = 0") }
        let c = try await PostgresStore(location, password: nil, node: "c", logger: Self.logger())
        let next = try await c.heartbeat(lease: .seconds(15))
        #expect(next.isMine && next.term == 3 && next.catchUpSince == taken.catchUpSince)
        try await c.write { writer in
            try writer.fence(term: 3)
            try writer.catchUpDone()
        }
        #expect(try await c.heartbeat(lease: .seconds(15)).catchUpSince == nil)
        for store in [a, b, c] { await store.close() }
    }

    @Test func theClusterDemoStartsThreeNodesThatAgreeOnOneLeader() async throws {
        let result = try await run(
            PackageRoot.path + "/scripts/cluster-demo", ["--nodes", "3", "--lease", "3", "--check"],
            environment: ["BUILD_DIR": Binaries.directory])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "node1, leader; this node leads (term 1").count == 2, "\(result.stdout)")
        for follower in ["node2", "node3"] {
            #expect(result.stdout.contains("\(follower), follower; node1 leads (term 1"), "\(result.stdout)")
        }
        #expect(!FileManager.default.fileExists(atPath: result.stdout.firstMatch(of: /host=(\S+)&/).map { String($0.1) } ?? "/nonexistent"),
                "the demo removes its folder")
    }

    @Test func aLeaderWhoseClockRunsTenMinutesFastFiresNothingEarly() async throws {
        let database = try await TestBackend.postgresDatabase()
        let directory = TemporaryDirectory()
        let zone = TimeZone(identifier: "Asia/Makassar")!
        // What is due by the database's clock (this process's, on the same machine): a
        // step whose window opened a minute ago, and one that opens in five minutes, which
        // by the node's own clock opened five minutes ago.
        let now = Date()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        // Today's minute a minute ago (or midnight), and the minute five minutes on, which
        // may be tomorrow in the village.
        let today = calendar.startOfDay(for: now)
        func at(_ date: Date) -> (day: Int, time: String) {
            let parts = calendar.dateComponents([.hour, .minute], from: date)
            return (calendar.dateComponents([.day], from: today, to: calendar.startOfDay(for: date)).day!,
                    String(format: "%02d:%02d", parts.hour!, parts.minute!))
        }
        let (opened, later) = (at(max(now.addingTimeInterval(-60), today)), at(now.addingTimeInterval(360)))
        let startDay = now.formatted(Date.ISO8601FormatStyle(timeZone: zone).year().month().day())
        try FileManager.default.createDirectory(atPath: directory.file("programs"), withIntermediateDirectories: true)
        try """
            id = "clocks"
            version = 1
            title = "Two visits, a minute ago and in five minutes"

            [[steps]]
            id = "opened"
            kind = "mentoring_visit"
            title = "Opened a minute ago"
            offset_days = \(opened.day)
            time = "\(opened.time)"
            blackout = "keep"

            [[steps]]
            id = "later"
            kind = "mentoring_visit"
            title = "Opens in five minutes"
            offset_days = \(later.day)
            time = "\(later.time)"
            blackout = "keep"
            """.write(toFile: directory.file("programs/clocks.toml"), atomically: true, encoding: .utf8)
        let config = Self.config(database, node: "fast") + "program_dirs = [\"\(directory.file("programs"))\"]\n"
        let timers = directory.file("faketime-monotonic-timers.so")
        let built = try await run(
            "/usr/bin/env",
            ["cc", "-shared", "-fPIC", "-O2", "-o", timers, PackageRoot.path + "/scripts/faketime-monotonic-timers.c", "-ldl"])
        #expect(built.status == 0, "\(built.stderr)")
        let launched = Date()
        let node = try await KaderdProcess(
            directory: directory, config: config,
            environment: ["FAKETIME_DONT_FAKE_MONOTONIC": "1", "LD_PRELOAD": timers],
            launcher: ["/usr/bin/faketime", "-f", "+600s"])
        try await onThread {
            let status = try node.connect().call("daemon.status", as: DaemonStatus.self)
            let cluster = try #require(status.cluster)
            #expect(cluster.role == "leader")
            // Its clock is ten minutes ahead of the database's, and it knows it.
            let ahead = status.startedAt.timeIntervalSince(launched)
            #expect(ahead > 590 && ahead < 620, "started at \(status.startedAt), launched at \(launched)")
            #expect(abs(cluster.clockOffsetSeconds + ahead) < 5, "offset \(cluster.clockOffsetSeconds), ahead \(ahead)")

            let watcher = try node.connect()
            _ = try watcher.call("events.subscribe")
            let connection = try node.connect()
            let cadre = try connection.call(
                "cadre.register",
                params: ["name": "Ni Made Sari", "sex": "P", "birth_year": 1994, "field": "kesehatan", "village": "51.03.02.2001"],
                as: CadreBatch.self
            ).cadres[0].id
            let workflow = try connection.call(
                "workflow.start", params: ["program": "clocks", "cadre": .string(cadre), "start_date": .string(startDay)],
                as: WorkflowDetail.self)
            let (first, second) = (workflow.tasks[0].id, workflow.tasks[1].id)
            // The pass that makes the first due decides on the second at the same instant.
            while true {
                let event = try nextEvent(watcher)
                if event.entityID == first, event.detail["to"] == "due" { break }
            }
            let tasks = try connection.call("workflow.get", params: ["id": .string(workflow.workflow.id)], as: WorkflowDetail.self).tasks
            #expect(tasks.first { $0.id == second }?.state == "scheduled")
        }
        kill(try await onThread { try node.connect().call("daemon.status", as: DaemonStatus.self).pid }, SIGTERM)
        #expect(try await node.waitForExit() == 0)
    }
}
