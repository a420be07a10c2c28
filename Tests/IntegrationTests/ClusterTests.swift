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
}
