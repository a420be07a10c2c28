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
    private static func config(
        _ database: (server: PostgresServer, name: String), node: String, lease: Double = lease
    ) -> String {
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
            let streams = try subscribers.map { subscriber in try (0..<12).map { _ in try subscriber.nextEvent() } }
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
            let cadre = try Self.registerBalineseCadre(connection)
            _ = try connection.call("workflow.start", params: ["cadre": .string(cadre), "start_date": .string(tomorrow)])
            // Node b publishes what it counts before it wakes its subscribers.
            while try watcher.nextEvent().entityKind != "workflow" {}
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
        // b's own lease, once taken, outlasts the test, however slow the machine.
        let long = Duration.seconds(60)
        let seen = try await b.heartbeat(lease: long)
        #expect(!seen.isMine && seen.holder == "a")
        // a stops renewing, as a paused process would; b takes the lease once it lapses.
        var taken = seen
        let deadline = Date().addingTimeInterval(10)
        while !taken.isMine, Date() < deadline { taken = try await b.heartbeat(lease: long) }
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
        let launched = Date()
        let node = try await Self.startNode(in: directory, config: config, ahead: 600)
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
            let cadre = try Self.registerBalineseCadre(connection)
            let workflow = try connection.call(
                "workflow.start", params: ["program": "clocks", "cadre": .string(cadre), "start_date": .string(startDay)],
                as: WorkflowDetail.self)
            let (first, second) = (workflow.tasks[0].id, workflow.tasks[1].id)
            // The pass that makes the first due decides on the second at the same instant.
            while true {
                let event = try watcher.nextEvent()
                if event.entityID == first, event.detail["to"] == "due" { break }
            }
            let tasks = try connection.call("workflow.get", params: ["id": .string(workflow.workflow.id)], as: WorkflowDetail.self).tasks
            #expect(tasks.first { $0.id == second }?.state == "scheduled")
        }
        try await Self.stop(node)
    }

    /// A cadre in a Balinese village (UTC+8); returns its id.
    private static func registerBalineseCadre(_ connection: RPCConnection) throws -> String {
        try connection.call(
            "cadre.register",
            params: ["name": "Ni Made Sari", "sex": "P", "birth_year": 1994, "field": "kesehatan", "village": "51.03.02.2001"],
            as: CadreBatch.self
        ).cadres[0].id
    }

    /// Stops `node` as systemd would and expects a clean exit.
    private static func stop(_ node: KaderdProcess) async throws {
        kill(try await onThread { try node.connect().call("daemon.status", as: DaemonStatus.self).pid }, SIGTERM)
        #expect(try await node.waitForExit() == 0)
    }

    /// A node whose clock runs `ahead` seconds ahead of this test's (which scripts/test-at
    /// may have moved), its monotonic timers left real.
    private static func startNode(in directory: TemporaryDirectory, config: String, ahead: TimeInterval) async throws
        -> KaderdProcess
    {
        let timers = directory.file("faketime-monotonic-timers.so")
        let built = try await run(
            "/usr/bin/env",
            ["cc", "-shared", "-fPIC", "-O2", "-o", timers, PackageRoot.path + "/scripts/faketime-monotonic-timers.c", "-ldl"])
        #expect(built.status == 0, "\(built.stderr)")
        return try await KaderdProcess(
            directory: directory, config: config,
            environment: ["FAKETIME_DONT_FAKE_MONOTONIC": "1", "LD_PRELOAD": timers],
            launcher: ["/usr/bin/faketime", Date().addingTimeInterval(ahead).ISO8601Format()])
    }

    /// A node whose clock has passed a village's midnight while the database's has not
    /// still calls the database's day today: a workflow starts on it, as on any other node.
    /// (In CI, the ten-minutes-fast node above refused such a start in the ten minutes
    /// before midnight in Bali.)
    @Test func aNodeWhoseClockHasPassedAVillagesMidnightStartsOnTheDatabasesToday() async throws {
        let database = try await TestBackend.postgresDatabase()
        let directory = TemporaryDirectory()
        let zone = TimeZone(identifier: "Asia/Makassar")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let now = Date()
        let today = now.formatted(Date.ISO8601FormatStyle(timeZone: zone).year().month().day())
        // Two minutes past the village's next midnight, by the node's clock.
        let midnight = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: now))!
        let node = try await Self.startNode(
            in: directory, config: Self.config(database, node: "tomorrow"), ahead: midnight.timeIntervalSince(now) + 120)
        try await onThread {
            let connection = try node.connect()
            let cadre = try Self.registerBalineseCadre(connection)
            let workflow = try connection.call(
                "workflow.start", params: ["program": "kpmd", "cadre": .string(cadre), "start_date": .string(today)],
                as: WorkflowDetail.self)
            #expect(workflow.workflow.startDate == today)
        }
        try await Self.stop(node)
    }

    /// Registers a cadre, again while the node answers that the database is unavailable
    /// (nothing was changed), for up to 30 s; returns once it is acknowledged.
    private func registerAcknowledged(_ node: KaderdProcess, _ name: String) throws {
        let deadline = Date().addingTimeInterval(30)
        while true {
            do {
                try register(try node.connect(), [name])
                return
            } catch ClientError.remote(let error) where error.kind == .unavailable && Date() < deadline {
                usleep(100_000)  // between two tries of a request that was refused, unchanged
            }
        }
    }

    @Test func nodesReconnectByThemselvesAfterTheirConnectionsAreCutAndTheServerCrashes() async throws {
        // A cluster of its own: this test crashes it.
        let server = try await onThread { try PostgresServer() }
        try await onThread { try server.createDatabase("kaderd") }
        var started: [KaderdProcess] = []
        for name in ["a", "b"] {
            started.append(try await KaderdProcess(directory: TemporaryDirectory(), config: Self.config((server, "kaderd"), node: name)))
        }
        let nodes = started
        try await onThread {
            let subscribers = try nodes.map { node in
                let connection = try node.connect()
                _ = try connection.call("events.subscribe", params: ["since": 0])
                return connection
            }
            try registerAcknowledged(nodes[0], "Before")
            #expect(try subscribers.map { try $0.nextEvent().seq } == [1, 1])

            // Every connection of node b is cut; it reconnects by itself.
            let cut = try server.psql("kaderd", "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'kaderd b'")
            #expect((Int(cut.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) >= 1, "b's connections: \(cut)")
            try registerAcknowledged(nodes[1], "After the cut")
            try registerAcknowledged(nodes[0], "After the cut, through a")
            #expect(try subscribers.map { try [$0.nextEvent().seq, $0.nextEvent().seq] } == [[2, 3], [2, 3]])

            // The server crashes and recovers: both nodes carry on, and both streams resume.
            try server.crashAndRestart()
            try registerAcknowledged(nodes[0], "After the crash, through a")
            try registerAcknowledged(nodes[1], "After the crash, through b")
            #expect(try subscribers.map { try [$0.nextEvent().seq, $0.nextEvent().seq] } == [[4, 5], [4, 5]])

            // Nothing acknowledged was lost.
            struct Listed: Decodable {
                struct Cadre: Decodable { let name: String }
                let cadres: [Cadre]
            }
            let names = Set(try nodes[1].connect().call("cadre.list", as: Listed.self).cadres.map(\.name))
            #expect(names == ["Before", "After the cut", "After the cut, through a", "After the crash, through a", "After the crash, through b"])
        }
    }

    @Test func kaderctlWatchResumesOnAnotherNodeFromItsCursorFile() async throws {
        let nodes = try await Self.startNodes(["a", "b"])
        let directory = TemporaryDirectory()
        let cursor = directory.file("watch.cursor")
        try "0\n".write(toFile: cursor, atomically: true, encoding: .utf8)
        try await onThread { try register(try nodes[0].connect(), (1...4).map { "Kader \($0)" }) }
        let ctl = try Binaries.path("kaderctl")
        let first = try await run(ctl, ["--socket", nodes[0].socket, "watch", "--cursor-file", cursor, "--count", "2"])
        #expect(first.status == 0, "\(first.stderr)")
        // Its node dies; the watch goes on through the other from the cursor it kept.
        nodes[0].signal(SIGKILL)
        _ = try await nodes[0].waitForExit()
        let second = try await run(ctl, ["--socket", nodes[1].socket, "watch", "--cursor-file", cursor, "--count", "2"])
        #expect(second.status == 0, "\(second.stderr)")
        let seen = (first.stdout + second.stdout).split(separator: "\n").map { $0.split(separator: " ")[0] }
        #expect(seen == ["#1", "#2", "#3", "#4"])
        #expect(try String(contentsOfFile: cursor, encoding: .utf8) == "4\n")
    }

    /// Nodes on one database whose first leads, and `copies` × 200 tasks whose windows open
    /// within the same twenty seconds.
    private struct MinuteCluster {
        var database: (server: PostgresServer, name: String)
        var directories: [TemporaryDirectory]
        var configs: [String]
        var nodes: [KaderdProcess]
        var leaderTerm: Int64
        var tasks: Int
    }

    /// Nodes `names` with `copies` × 200 visits whose windows open within twenty seconds,
    /// `opensIn` seconds from now.
    private func minuteCluster(
        _ names: [String], copies: Int, lease: Double, opensIn: TimeInterval = 10
    ) async throws -> MinuteCluster {
        let (steps, workflows) = (40, 5)
        let database = try await TestBackend.postgresDatabase()
        let directories = names.map { _ in TemporaryDirectory() }
        let programs = TemporaryDirectory()
        let program = (1...steps).map { step in
            """

            [[steps]]
            id = "visit\(step)"
            kind = "mentoring_visit"
            title = "Visit \(step)"
            offset_days = 2
            time = "09:00"
            blackout = "keep"
            """
        }.joined(separator: "\n")
        try "id = \"minute\"\nversion = 1\ntitle = \"Forty visits in one minute\"\n\(program)\n"
            .write(toFile: programs.file("minute.toml"), atomically: true, encoding: .utf8)
        let configs = names.map {
            Self.config(database, node: $0, lease: lease) + "program_dirs = [\"\(programs.path)\"]\n"
        }
        var started: [KaderdProcess] = []
        for (directory, config) in zip(directories, configs) {
            started.append(try await KaderdProcess(directory: directory, config: config))
        }
        let nodes = started
        let startDay = Date().formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "Asia/Makassar")!).year().month().day())
        try await onThread {
            let cadres = try nodes[0].connect().call(
                "cadre.register",
                params: JSONValue(encoding: CadreRegisterParams(cadres: (0..<workflows).map {
                    CadreFields(name: "Kader \($0)", sex: "female", birthYear: 1990, field: "kesehatan", village: "51.03.02.2001")
                })), as: CadreBatch.self
            ).cadres.map(\.id)
            // Started through every node at once.
            DispatchQueue.concurrentPerform(iterations: nodes.count) { index in
                guard let connection = try? nodes[index].connect() else { return }
                for cadre in cadres.enumerated().filter({ $0.offset % nodes.count == index }).map(\.element) {
                    _ = try? connection.call(
                        "workflow.start", params: ["program": "minute", "cadre": .string(cadre), "start_date": .string(startDay)])
                }
            }
        }
        // The planned tasks copied `copies`-fold in the database (planning 20,000 through
        // kaderd took the machine from the rest of the suite for a minute), then every window
        // moved to open within the same twenty seconds, `opensIn` from now; a change through
        // kaderd makes the leader reload its deadlines.
        let opening = (Date().timeIntervalSince1970 + opensIn).rounded(.up)
        let moved = try await onThread {
            try database.server.psql(
                database.name,
                """
                INSERT INTO task (id, workflow_id, step_id, kind, title, occurrence, occurrences, village, zone,
                                  window_start, window_end, state, records, updated_at, facilitator_id, conflict)
                SELECT 'tsk_' || translate(substr(md5(random()::text || t.id || copy), 1, 14), '01', 'xy'),
                       workflow_id, step_id, kind, title, occurrence, occurrences, village, zone, window_start, window_end,
                       state, records, updated_at, facilitator_id, conflict
                FROM task t CROSS JOIN generate_series(2, \(copies)) AS copy;
                UPDATE state_count SET n = (SELECT count(*) FROM task WHERE state = 'scheduled')
                WHERE entity = 'task' AND state = 'scheduled';
                UPDATE task SET window_start = \(Int(opening)) + floor(random() * 20), window_end = \(Int(opening)) + 86400
                WHERE state = 'scheduled';
                """)
        }
        #expect(moved.contains("UPDATE \(steps * workflows * copies)"), "\(moved)")
        try await onThread { try register(try nodes[1].connect(), ["Penanda"]) }
        let leader = try await onThread { try Self.clusters([nodes[0]])[0] }
        #expect(leader.role == "leader")
        return MinuteCluster(
            database: database, directories: directories, configs: configs, nodes: nodes, leaderTerm: leader.term,
            tasks: steps * workflows * copies)
    }

    @Test func twentyThousandTasksFallDueOnceWhenTheLeaderIsKilledDuringTheirMinute() async throws {
        // A longer lease than the other tests': three nodes beside the whole suite must not
        // lose it to a late heartbeat before the kill.
        let lease = 5.0
        let cluster = try await minuteCluster(["a", "b", "c"], copies: 100, lease: lease)
        let (database, nodes) = (cluster.database, cluster.nodes)

        // The leader is killed as soon as the first task falls due, and started again.
        let killedAt = try await onThread {
            let watcher = try nodes[1].connect()
            _ = try watcher.call("events.subscribe")
            while try watcher.nextEvent().detail["to"] != "due" {}
            nodes[0].signal(SIGKILL)
            return Date()
        }
        _ = try await nodes[0].waitForExit()
        // Started again once a survivor leads: a node restarting under its name takes its
        // own lease back at once, which would spare the survivors the takeover.
        let survivors = Array(nodes.dropFirst())
        let takenOver = try await onThread {
            try Self.awaitClusters(survivors, within: 30) { views in views.contains { $0.role == "leader" && $0.term > cluster.leaderTerm } }
        }
        #expect(takenOver != nil, "no survivor took the lease")
        let restarted = try await KaderdProcess(directory: cluster.directories[0], config: cluster.configs[0])

        let settled = try await onThread {
            let deadline = Date().addingTimeInterval(120)
            while Date() < deadline {
                let counts = try nodes[1].connect().call("daemon.status", as: DaemonStatus.self).schedule?.tasks
                if counts?["scheduled"] == 0 { return true }
                usleep(200_000)  // between two asks of the daemon, not a wait for it
            }
            return false
        }
        #expect(settled, "tasks still scheduled two minutes after their minute")
        let facts = try await onThread {
            try database.server.psql(
                database.name,
                """
                SELECT count(*) || ' ' || count(DISTINCT h.entity_id) || ' ' || round(max(h.at - t.window_start)::numeric, 1)
                  || ' ' || round(min(h.at) FILTER (WHERE (h.detail::json->>'term')::bigint > \(cluster.leaderTerm))::numeric
                                  - \(killedAt.timeIntervalSince1970), 1)
                FROM history h JOIN task t ON t.id = h.entity_id
                WHERE h.action = 'moved' AND h.detail::json->>'to' = 'due'
                """).trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").map(String.init)
        }
        #expect(facts[0] == "\(cluster.tasks)", "due entries: \(facts)")
        #expect(facts[1] == "\(cluster.tasks)", "tasks with a due entry: \(facts)")
        // The next leader's first pass: the lease lapsing after the kill, and a third of a
        // lease until a survivor's heartbeat takes it, and two seconds for a loaded machine
        // (8.2 s was seen once beside the whole suite: a second was too tight; waiting for a
        // second lease would still fail).
        let takeover = Double(facts[3]) ?? .infinity
        #expect(takeover < lease * 4 / 3 + 2, "the next leader's first due entry came \(takeover) s after the kill")
        // No task later than one lease and one heartbeat (a third of a lease) after its window
        // opened, plus the pass the killed leader had under way and a loaded machine's
        // slowness (4.6 s alone; 9.5 s beside two more clusters of thousands of tasks).
        let latest = Double(facts[2]) ?? .infinity
        #expect(latest < lease * 4 / 3 + 5, "a task fell due \(latest) s after its window opened")
        print("20000 tasks: latest fell due \(latest) s after its window opened; next leader's first pass \(takeover) s after the kill")
        #expect(try await onThread { try restarted.connect().call("daemon.status", as: DaemonStatus.self).cluster?.node } == "a")

        // Every node streams the same history from the start: 1...N, each once, alike.
        let streams = try await onThread {
            try [restarted, nodes[1], nodes[2]].map { node in
                let subscriber = try node.connect()
                let subscription = try subscriber.call("events.subscribe", params: ["since": 0], as: EventsSubscription.self)
                return try (0..<subscription.head).map { _ in try subscriber.nextEvent() }
            }
        }
        #expect(streams[0].map(\.seq) == Array(1...Int64(streams[0].count)))
        #expect(streams[0].count > cluster.tasks)
        #expect(streams[1] == streams[0] && streams[2] == streams[0])
    }

    @Test func aLeaderPausedPastItsLeaseWritesNothingUnderItsOldTermWhenItWakes() async throws {
        let cluster = try await minuteCluster(["a", "b"], copies: 10, lease: 3)
        let (database, nodes) = (cluster.database, cluster.nodes)
        // Paused (SIGSTOP) as soon as its first task falls due, with the rest in its queue.
        try await onThread {
            let watcher = try nodes[1].connect()
            _ = try watcher.call("events.subscribe")
            while try watcher.nextEvent().detail["to"] != "due" {}
            nodes[0].signal(SIGSTOP)
        }
        let takenOver = try await onThread { try Self.awaitClusters([nodes[1]], within: 30) { $0[0].role == "leader" } }
        #expect(takenOver != nil, "b did not take the lease")
        let settled = try await onThread {
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                if try nodes[1].connect().call("daemon.status", as: DaemonStatus.self).schedule?.tasks["scheduled"] == 0 { return true }
                usleep(100_000)  // between two asks of the daemon, not a wait for it
            }
            return false
        }
        #expect(settled, "b did not make the rest due")
        // Woken: whatever it tries under its old term is refused, and it learns it follows.
        nodes[0].signal(SIGCONT)
        let stepped = try await onThread {
            try Self.awaitClusters([nodes[0]], within: 10) { $0[0].role == "follower" && $0[0].term > cluster.leaderTerm }
        }
        #expect(stepped != nil, "a still thinks it leads")
        let facts = try await onThread {
            try database.server.psql(
                database.name,
                """
                SELECT count(*) || ' ' || count(DISTINCT entity_id)
                  || ' ' || coalesce(max(seq) FILTER (WHERE (detail::json->>'term')::bigint <= \(cluster.leaderTerm)), 0)
                  || ' ' || coalesce(min(seq) FILTER (WHERE (detail::json->>'term')::bigint > \(cluster.leaderTerm)), 0)
                FROM history WHERE action = 'moved' AND detail::json->>'to' = 'due'
                """).trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").compactMap { Int($0) }
        }
        #expect(facts.count == 4 && facts[0] == cluster.tasks && facts[1] == cluster.tasks, "\(facts)")
        // The paused leader's last entry comes before the next leader's first: none after.
        #expect(facts.count == 4 && facts[2] < facts[3], "\(facts)")
    }

    @Test func theWholeClusterDownForAWeekIsCaughtUpOnceByEachStepsPolicy() async throws {
        let database = try await TestBackend.postgresDatabase()
        let programs = TemporaryDirectory()
        try CatchUpTests.program.write(toFile: programs.file("daily.toml"), atomically: true, encoding: .utf8)
        // The 20,000-task test's lease: beside the whole suite, a 2 s lease was lost to a late
        // heartbeat and the catch-up's event came after the 30 s a call waits.
        let configs = ["a", "b"].map {
            Self.config(database, node: $0, lease: 5) + "program_dirs = [\"\(programs.path)\"]\n"
        }
        let tomorrow = Date().addingTimeInterval(86_400).formatted(
            Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "Asia/Makassar")!).year().month().day())
        let directories = [TemporaryDirectory(), TemporaryDirectory()]
        let first = try await KaderdProcess(directory: directories[0], config: configs[0])
        try await onThread {
            let connection = try first.connect()
            let cadre = try connection.call(
                "cadre.register",
                params: ["name": "Ketut", "sex": "L", "birth_year": 1990, "field": "ekonomi", "village": "51.03.01.1002"],
                as: CadreBatch.self
            ).cadres[0].id
            _ = try connection.call(
                "workflow.start", params: ["program": "daily", "cadre": .string(cadre), "start_date": .string(tomorrow)])
        }
        first.signal(SIGTERM)
        #expect(try await first.waitForExit() == 0)

        // A week and a day pass with no node running: the database ages as if they had.
        let week = 8 * 86_400
        let passed = try await onThread {
            try database.server.psql(
                database.name,
                """
                UPDATE task SET window_start = window_start - \(week), window_end = window_end - \(week);
                UPDATE kaderd_lease SET renewed_at = renewed_at - \(week), expires_at = expires_at - \(week);
                SELECT count(*) FROM task WHERE step_id = 'once' AND window_start < extract(epoch FROM now());
                """)
        }
        let passedPerStep = try #require(Int(passed.split(separator: "\n").last ?? ""))
        #expect(passedPerStep >= 7)

        // Both nodes start at once; one takes the lease and owes the catch-up.
        async let a = KaderdProcess(directory: directories[0], config: configs[0])
        async let b = KaderdProcess(directory: directories[1], config: configs[1])
        let nodes = try await [a, b]
        let caughtUp = try await onThread {
            let watcher = try nodes[1].connect()
            _ = try watcher.call("events.subscribe", params: ["since": 0])
            while true {
                let event = try watcher.nextEvent()
                if event.action == "caught_up" { return event }
            }
        }
        #expect(caughtUp.detail["once"] == "\(passedPerStep)" && caughtUp.detail["skip"] == "\(passedPerStep)", "\(caughtUp.detail)")
        // A later heartbeat on either node owes nothing more: one catch-up in the history.
        let views = try await onThread {
            try #require(try Self.awaitClusters(nodes, within: 10) { views in views.allSatisfy { $0.nodes.count == 2 } }).views
        }
        #expect(views.filter { $0.role == "leader" }.count == 1)
        let entries = try await onThread {
            try database.server.psql(database.name, "SELECT count(*) FROM history WHERE action = 'caught_up'")
        }
        #expect(entries.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
    }

    @Test func aCatchUpWhoseLeaderIsKilledHalfwayIsFinishedOnceByTheNext() async throws {
        // 2,000 windows, the day after tomorrow, so none falls due while the nodes run.
        let cluster = try await minuteCluster(["a", "b"], copies: 10, lease: 3, opensIn: 2 * 86_400)
        let (database, nodes) = (cluster.database, cluster.nodes)
        for node in nodes.reversed() {
            node.signal(SIGTERM)
            #expect(try await node.waitForExit() == 0)
        }
        // Two days pass with no node running: every window opened ten minutes ago.
        let shift = 2 * 86_400 + 600
        _ = try await onThread {
            try database.server.psql(
                database.name,
                """
                UPDATE task SET window_start = window_start - \(shift), window_end = window_end - \(shift);
                UPDATE kaderd_lease SET renewed_at = renewed_at - \(shift), expires_at = expires_at - \(shift);
                """)
        }

        // Node a alone takes the lease and owes the catch-up; it is killed while its catch-up
        // transaction is open (the only one of its that changes tasks at start).
        let a = try await KaderdProcess(directory: cluster.directories[0], config: cluster.configs[0])
        let caughtInTheAct = try await onThread {
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                let open = try database.server.psql(
                    database.name,
                    """
                    SELECT count(*) FROM pg_locks l JOIN pg_stat_activity s USING (pid)
                    WHERE s.application_name = 'kaderd a' AND l.relation = 'task'::regclass AND l.mode = 'RowExclusiveLock'
                    """)
                if open.trimmingCharacters(in: .whitespacesAndNewlines) != "0" { break }
                usleep(10_000)  // between two looks at the server, not a wait for kaderd
            }
            a.signal(SIGKILL)
            return Date() < deadline
        }
        _ = try await a.waitForExit()
        try #require(caughtInTheAct, "node a's catch-up was never seen open")
        let aTerm = try await onThread {
            try database.server.psql(database.name, "SELECT term FROM kaderd_lease").trimmingCharacters(in: .whitespacesAndNewlines)
        }

        // Node b takes the lease when a's lapses, and makes the catch-up a left undone.
        let b = try await KaderdProcess(directory: cluster.directories[1], config: cluster.configs[1])
        let caughtUp = try await onThread {
            let watcher = try b.connect()
            _ = try watcher.call("events.subscribe", params: ["since": 0])
            while true {
                let event = try watcher.nextEvent()
                if event.action == "caught_up" { return event }
            }
        }
        #expect(caughtUp.detail["node"] == "b" && caughtUp.detail["term"] != aTerm, "\(caughtUp.detail)")
        let facts = try await onThread {
            try database.server.psql(
                database.name,
                """
                SELECT count(*) || ' ' || count(DISTINCT entity_id) || ' ' || count(*) FILTER (WHERE detail::json->>'node' = 'b')
                FROM history WHERE caller_agent = 'catch-up' AND entity_kind = 'task';
                SELECT count(*) FROM history WHERE action = 'caught_up';
                SELECT count(*) FROM task WHERE state = 'scheduled';
                """).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        #expect(facts[0] == "\(cluster.tasks) \(cluster.tasks) \(cluster.tasks)", "catch-up entries, tasks, by b: \(facts[0])")
        #expect(facts[1] == "1", "caught_up entries")
        #expect(facts[2] == "0", "tasks still scheduled")
    }
}
