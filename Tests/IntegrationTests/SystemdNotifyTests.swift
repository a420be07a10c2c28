import Foundation
import GRDB
import KaderClient
import KaderRPC
import KaderTesting
import Testing

/// What kaderd tells systemd over its life, read from a real notify socket as systemd reads it.
@Suite struct SystemdNotifyTests {
    @Test func saysReadyOnlyOnceItServesThenKeepsStatusCurrentAndSaysStopping() async throws {
        let directory = TemporaryDirectory()
        let notify = try NotifyListener(directory: directory)
        // A watchdog makes the work loop, which refreshes STATUS=, pass every 0.5 s, not every 5 s.
        let daemon = try await KaderdProcess(
            directory: directory, environment: notify.environment.merging(["WATCHDOG_USEC": "1000000"]) { $1 },
            waitUntilReady: false)

        let ready = try await notify.next { $0 == "READY=1" }
        #expect(ready != nil, "no READY=1; got:\n\(notify.transcript)\nkaderd's log:\n\(daemon.log)")
        // READY=1 means a client is served at once, with no retrying.
        let status = try await onThread { try daemon.connect().call("daemon.status", as: DaemonStatus.self) }
        #expect(status.pid == daemon.pid)

        let line = try await notify.next { $0.hasPrefix("STATUS=") && $0.contains("1 connection served") }
        #expect(line == "STATUS=0 workflows active, 0 tasks due; 1 connection served", "transcript:\n\(notify.transcript)")

        daemon.signal(SIGTERM)
        #expect(try await notify.next { $0 == "STOPPING=1" } != nil, "transcript:\n\(notify.transcript)")
        #expect(try await daemon.waitForExit() == 0)
    }

    /// A store an older kaderd wrote is migrated before READY=1, each migration named in the
    /// log and on the STATUS= line, with the start timeout extended while it runs.
    @Test func namesEachMigrationOfAnOlderStoreAndExtendsTheStartTimeout() async throws {
        let directory = TemporaryDirectory()
        let notify = try NotifyListener(directory: directory)
        // A v10 store: what the v11 release wrote (the upgrade fixture) less what v11 added.
        let state = directory.file("state")
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let dump = try String(contentsOfFile: PackageRoot.path + "/Tests/KaderStoreTests/Fixtures/store-v11.sql", encoding: .utf8)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let old = try DatabaseQueue(path: state + "/kaderd.sqlite", configuration: configuration)
        try old.inDatabase { db in
            try db.execute(sql: dump.split(separator: "\n").filter { $0 != "BEGIN TRANSACTION;" && $0 != "COMMIT;" }.joined(separator: "\n"))
            try db.execute(sql: "DROP TABLE call_key; DELETE FROM grdb_migrations WHERE identifier LIKE 'v11:%'")
        }
        try old.close()

        // On SQLite on either pass: the store a file in the state folder.
        let daemon = try await KaderdProcess(
            directory: directory, config: "# the SQLite store of the state folder\n", environment: notify.environment,
            waitUntilReady: false)
        // Each migration from v11 on, in order, and numbered among them.
        let status = try #require(await notify.next { $0.hasPrefix("STATUS=Migrating") }, "\(notify.transcript)\n\(daemon.log)")
        #expect(status.hasPrefix("STATUS=Migrating the store to v11 (1 of "), "\(status)")
        #expect(status.hasSuffix("): v11: idempotency keys of calls"), "\(status)")
        #expect(try await notify.next() == "EXTEND_TIMEOUT_USEC=60000000", "\(notify.transcript)")
        let status12 = try #require(await notify.next { $0.hasPrefix("STATUS=Migrating") }, "\(notify.transcript)")
        #expect(status12.hasPrefix("STATUS=Migrating the store to v12 (2 of "), "\(status12)")
        #expect(try await notify.next() == "EXTEND_TIMEOUT_USEC=60000000", "\(notify.transcript)")
        #expect(try await notify.next { $0 == "READY=1" } != nil, "\(notify.transcript)\n\(daemon.log)")
        #expect(try await daemon.logContains("migrating the store"))
        #expect(try await daemon.logContains("store migrated"))
        // Migrated in place: the fixture's first cadre reads back.
        let cadre = try await onThread {
            try daemon.connect().call("cadre.get", params: ["id": "cdr_3nb2zh83i6pf4q"], as: CadreDetail.self)
        }
        #expect(cadre.cadre.name == "Ni Luh Ayu")
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit() == 0)
    }

    @Test func reloadsOnSIGHUPBetweenRELOADINGAndREADYWithoutDroppingClients() async throws {
        let directory = TemporaryDirectory()
        let notify = try NotifyListener(directory: directory)
        let daemon = try await KaderdProcess(directory: directory, environment: notify.environment)
        _ = try await notify.next { $0 == "READY=1" }
        let client = SendableConnections([try daemon.connect()])
        let before = try await onThread { try client.value[0].call("daemon.status", as: DaemonStatus.self) }
        #expect(before.lastReload == nil && before.lastReloadError == nil)

        try #"log_level = "debug""#.write(toFile: directory.file("kaderd.toml"), atomically: true, encoding: .utf8)
        let requested = monotonicMicroseconds()
        daemon.signal(SIGHUP)
        let reloading = try #require(await notify.next { $0.hasPrefix("RELOADING=1") }, "\(notify.transcript)")
        let stamp = try #require(reloading.split(separator: "\n").first { $0.hasPrefix("MONOTONIC_USEC=") })
        let microseconds = try #require(UInt64(stamp.dropFirst("MONOTONIC_USEC=".count)))
        #expect(microseconds >= requested && microseconds <= monotonicMicroseconds(), "CLOCK_MONOTONIC of the reload")
        // STATUS= lines may come in between (the scheduler's pass, a connection counted);
        // what must come next besides them is READY=1, not a second RELOADING=1.
        let next = try await notify.next { !$0.hasPrefix("STATUS=") }
        #expect(next == "READY=1", "READY=1 follows RELOADING=1; \(notify.transcript)")

        // The same connection goes on being served, now under the new log level.
        let after = try await onThread { try client.value[0].call("daemon.status", as: DaemonStatus.self) }
        #expect(after.lastReload != nil)
        #expect(after.lastReloadError == nil)
        _ = try await onThread { try daemon.connect().call("daemon.status") }
        #expect(try await daemon.logContains("connection opened"), "debug lines appear after the reload:\n\(daemon.log)")
    }

    @Test func refusesAnInvalidConfigOnReloadAndKeepsRunningTheOldOne() async throws {
        let directory = TemporaryDirectory()
        let notify = try NotifyListener(directory: directory)
        let daemon = try await KaderdProcess(directory: directory, environment: notify.environment)
        let config = directory.file("kaderd.toml")
        try "log_level = \"info\"\nsockett = \"/x\"\n".write(toFile: config, atomically: true, encoding: .utf8)

        // Through the API: refused with kind 'invalid', naming file and line.
        let client = SendableConnections([try daemon.connect()])
        let error = try await onThread { () throws -> RPCError? in
            do {
                _ = try client.value[0].call("daemon.reload")
                return nil
            } catch ClientError.remote(let error) {
                return error
            }
        }
        let refused = try #require(error)
        #expect(refused.kind == .invalid)
        #expect(refused.message.contains("\(config):2: unknown key 'sockett'"), "\(refused)")
        #expect(refused.message.contains("the running one is kept"))

        // Through SIGHUP: RELOADING=1 and READY=1 all the same, and the problem in STATUS=.
        daemon.signal(SIGHUP)
        #expect(try await notify.next { $0.hasPrefix("RELOADING=1") } != nil)
        #expect(try await notify.next { !$0.hasPrefix("STATUS=") } == "READY=1")
        let line = try #require(await notify.next { $0.contains("STATUS=") && $0.contains("reload refused") }, "\(notify.transcript)")
        #expect(line.contains("reload refused"), "\(line)")
        #expect(line.contains("unknown key 'sockett'"), "\(line)")

        let status = try await onThread { try client.value[0].call("daemon.status", as: DaemonStatus.self) }
        #expect(status.lastReloadError?.contains("\(config):2: unknown key 'sockett'") == true)
        #expect(status.lastReload == nil)
        #expect(try await daemon.logContains("reload refused; the running configuration is kept"))

        // Fixed: the next reload clears the error. The store's lines stay as they were.
        let store = try await TestBackend.configLines(for: directory)
        try "log_level = \"info\"\n\(store)".write(toFile: config, atomically: true, encoding: .utf8)
        let result = try await onThread { try client.value[0].call("daemon.reload", as: DaemonReloadResult.self) }
        #expect(result.needsRestart.isEmpty)
        let fixed = try await onThread { try client.value[0].call("daemon.status", as: DaemonStatus.self) }
        #expect(fixed.lastReloadError == nil)
        #expect(fixed.lastReload == result.reloadedAt)
    }

    @Test func saysWhichChangedSettingsWaitForARestartAndKeepsServingTheOldSocket() async throws {
        let directory = TemporaryDirectory()
        let config = directory.file("own.toml")
        try "socket = \"\(directory.file("kaderd.sock"))\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try await KaderdProcess(directory: directory, arguments: ["--config", config], bindsSocket: false)
        try "socket = \"\(directory.file("moved.sock"))\"\nlog_level = \"warning\"\n".write(
            toFile: config, atomically: true, encoding: .utf8)
        let result = try await onThread { try daemon.connect().call("daemon.reload", as: DaemonReloadResult.self) }
        #expect(result.needsRestart == ["socket"])
        #expect(result.logLevel == "warning")
        #expect(try await daemon.logContains("reloaded; changed settings wait for a restart"))
        let status = try await onThread { try daemon.connect().call("daemon.status", as: DaemonStatus.self) }
        #expect(status.socket == daemon.socket)
        #expect(!FileManager.default.fileExists(atPath: directory.file("moved.sock")))
    }

    @Test func pingsTheWatchdogWhileItsLoopRuns() async throws {
        let directory = TemporaryDirectory()
        let notify = try NotifyListener(directory: directory)
        var environment = notify.environment
        environment["WATCHDOG_USEC"] = "400000"
        let daemon = try await KaderdProcess(directory: directory, environment: environment)
        // With a 0.4 s timeout the loop passes every 0.2 s: three pings, each within a wait
        // a suite saturating both cores cannot outlast (5 s was, beside the plugin tests).
        for _ in 0..<3 {
            #expect(try await notify.next { $0 == "WATCHDOG=1" } != nil, "\(notify.transcript)")
        }
        daemon.signal(SIGTERM)
        #expect(try await notify.next { $0 == "STOPPING=1" } != nil)
        #expect(try await daemon.waitForExit() == 0)
    }

    private func monotonicMicroseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000 + UInt64(time.tv_nsec) / 1_000
    }
}
