import Foundation
import KaderClient
import KaderRPC
import KaderTesting
import Testing

/// The real kaderd binary, started and stopped as a person or a service manager would.
@Suite struct DaemonLifecycleTests {
    /// The bound is on what clients see: from SIGTERM until the last of them is let go (well
    /// under two seconds alone; under the daemon's graceful limit beside the whole suite).
    /// The exit after it closes the store and waits on the disk: in CI, beside the rest of
    /// the suite's fsyncs, it once took 9 s. Its bound only catches a stop that hangs.
    @Test func stopsOnSIGTERMWithClientsConnectedWithinTwoSeconds() async throws {
        let directory = TemporaryDirectory()
        let daemon = try await KaderdProcess(directory: directory, arguments: ["--log-level", "debug"])
        let clients = try await onThread {
            let clients = try (0..<20).map { _ in try RPCConnection(socketPath: daemon.socket, timeout: 10) }
            // All served once and idle now, but one that has sent half a request and stopped.
            for (number, client) in clients.enumerated() {
                do {
                    _ = try client.call("daemon.status")
                } catch {
                    Issue.record("client \(number) was not served: \(error)\nkaderd's log:\n\(daemon.log)")
                    throw error
                }
            }
            try clients[0].sendRaw(Array(#"{"jsonrpc":"2.0","method":"daemon.st"#.utf8))
            return SendableConnections(clients)
        }
        let start = ContinuousClock.now
        daemon.signal(SIGTERM)
        let letGo = try await onThread {
            for client in clients.value.dropFirst() {
                #expect(try client.readLine() == nil, "an idle client sees the end of the connection")
            }
            // The half-sent request is not run; the client is told, then let go.
            let reply = try JSONParser.parse(try #require(try clients.value[0].readLine()))
            #expect(reply["error"]?["code"] == -32700)
            #expect(try clients.value[0].readLine() == nil)
            return ContinuousClock.now - start
        }
        // Before the graceful limit (5 s), when kaderd would let everyone go anyway.
        #expect(letGo < .seconds(4), "the last client was let go after \(letGo)")
        let status = try await daemon.waitForExit()
        let exited = ContinuousClock.now - start
        #expect(status == 0, "kaderd's log:\n\(daemon.log)")
        #expect(exited < .seconds(30), "exited after \(exited); kaderd's log:\n\(daemon.log)")
        #expect(!FileManager.default.fileExists(atPath: daemon.socket), "the socket file is removed")
        #expect(daemon.log.contains("kaderd stopped"))
    }

    @Test func stopsOnSIGINTToo() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        daemon.signal(SIGINT)
        #expect(try await daemon.waitForExit() == 0)
        #expect(!FileManager.default.fileExists(atPath: daemon.socket))
    }

    @Test func refusesASocketAnotherDaemonServes() async throws {
        let directory = TemporaryDirectory()
        let first = try await KaderdProcess(directory: directory)
        let second = try await run(
            try Binaries.path("kaderd"), ["--socket", first.socket, "--state-dir", directory.file("state2")])
        #expect(second.status == 69)
        #expect(second.stderr.contains("another daemon is already serving \(first.socket)"))
        // The first one is untouched.
        let status = try await onThread { try first.connect().call("daemon.status") }
        #expect(status["pid"] == .number(JSONNumber(Int(first.pid))))
    }

    @Test func replacesTheStaleSocketOfADaemonThatDied() async throws {
        let directory = TemporaryDirectory()
        let killed = try await KaderdProcess(directory: directory)
        killed.signal(SIGKILL)
        _ = try await killed.waitForExit()
        #expect(FileManager.default.fileExists(atPath: killed.socket), "kill -9 leaves the socket file behind")
        let restarted = try await KaderdProcess(directory: directory)
        let status = try await onThread { try restarted.connect().call("daemon.status") }
        #expect(status["pid"] == .number(JSONNumber(Int(restarted.pid))))
    }

    @Test func exitsWithStatus78OnABadConfig() async throws {
        let directory = TemporaryDirectory()
        let config = directory.file("kaderd.toml")
        try "socket = \"/tmp/x.sock\"\nstate_dri = \"/tmp\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let result = try await run(try Binaries.path("kaderd"), ["--config", config])
        #expect(result.status == 78)
        #expect(result.stderr.contains("\(config):2: unknown key 'state_dri'"))

        let missing = try await run(try Binaries.path("kaderd"), ["--config", directory.file("nope.toml")])
        #expect(missing.status == 78)
        #expect(missing.stderr.contains("nope.toml: cannot read the file"))
    }

    @Test func readsItsSettingsFromTheConfigFile() async throws {
        let directory = TemporaryDirectory()
        let config = directory.file("kaderd.toml")
        let socket = directory.file("from-config.sock")
        try "socket = \"\(socket)\"\nstate_dir = \"\(directory.file("st"))\"\n".write(
            toFile: config, atomically: true, encoding: .utf8)
        let daemon = try await KaderdProcess(directory: directory, arguments: ["--config", config])
        // --socket given by the helper wins over the file; the file's state_dir is also overridden.
        let status = try await onThread { try daemon.connect().call("daemon.status", as: DaemonStatus.self) }
        #expect(status.configFile == config)
        #expect(status.socket == daemon.socket)
    }

    @Test func answersHelpAndVersion() async throws {
        let help = try await run(try Binaries.path("kaderd"), ["--help"])
        #expect(help.status == 0)
        for option in ["--socket", "--state-dir", "--config", "--log-level", "SIGTERM"] {
            #expect(help.stdout.contains(option))
        }
        let version = try await run(try Binaries.path("kaderd"), ["--version"])
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == KaderVersion.current)
    }
}

/// Connections handed from one test thread to the next, used by one thread at a time.
struct SendableConnections: @unchecked Sendable {
    let value: [RPCConnection]
    init(_ value: [RPCConnection]) { self.value = value }
}
