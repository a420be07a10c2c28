import Foundation
import KaderClient
import KaderRPC
import KaderTesting
import Testing

/// `daemon.metrics`, `kaderctl metrics` and the units that hand them to node_exporter,
/// against the real binaries: what Prometheus reads passes its own checker, and the
/// counters move by exactly the calls a test makes.
@Suite struct MetricsTests {
    /// Debian's `prometheus` package (scripts/install-deps installs it).
    static let promtool = "/usr/bin/promtool"
    static let requests = "kaderd_rpc_requests_total"

    private func scrape(_ connection: RPCConnection) throws -> String {
        let result = try connection.call("daemon.metrics")
        #expect(result["content_type"]?.stringValue == "text/plain; version=0.0.4; charset=utf-8")
        return try #require(result["text"]?.stringValue)
    }

    /// `promtool check metrics`, which lints as well as parses: HELP on every metric, base
    /// units, `_total` on counters. Any output is a finding.
    private func expectPromtoolPasses(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let checked = try await run(Self.promtool, ["check", "metrics"], input: text)
        #expect(checked.status == 0, "promtool: \(checked.stdout)\(checked.stderr)", sourceLocation: sourceLocation)
        #expect(checked.stdout.isEmpty && checked.stderr.isEmpty, "promtool: \(checked.stdout)\(checked.stderr)",
                sourceLocation: sourceLocation)
    }

    @Test func theDaemonsMetricsPassPromtool() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        let connection = try daemon.connect()
        // A call of each path and outcome first, so every histogram and label has samples.
        _ = try connection.call("daemon.status")
        _ = try connection.call("region.provinces")
        _ = try? connection.call("no.such_method")
        let text = try scrape(connection)
        try await expectPromtoolPasses(text)
        // Readers may scrape: rpc.discover says the method only reads.
        let discovered = try connection.call("rpc.discover")
        #expect(discovered["methods"]?.arrayValue?.first { $0["name"] == "daemon.metrics" }?["x-access"] == "read")
        for name in [
            "kaderd_rpc_requests_total", "kaderd_rpc_request_duration_seconds", "kaderd_connections_open",
            "kaderd_connections_accepted_total", "kaderd_tasks", "kaderd_workflows_active", "kaderd_store_commit_duration_seconds",
            "kaderd_scheduler_lag_seconds", "kaderd_catch_ups_total", "kaderd_reloads_total", "kaderd_events_streamed_total",
            "kaderd_build_info", "kaderd_start_time_seconds",
        ] {
            #expect(text.contains("# HELP \(name) "), "\(name) has its HELP line")
        }
    }

    @Test func countersMoveByTheCallsMade() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        let connection = try daemon.connect()
        let before = PrometheusSamples(try scrape(connection))
        let calls = 5
        // daemon.status is answered on the event loop, region.provinces by the connection's task.
        for _ in 0..<calls { _ = try connection.call("daemon.status") }
        for _ in 0..<calls { _ = try connection.call("region.provinces") }
        // One failing call of a method served, and one of a name never served.
        #expect(throws: ClientError.self) { try connection.call("cadre.get", params: ["id": "cdr_nosuchcadre000"]) }
        #expect(throws: ClientError.self) { try connection.call("no.such_method") }
        let after = PrometheusSamples(try scrape(connection))

        func delta(_ name: String, _ labels: [String: String]) -> Double { after[name, labels] - before[name, labels] }
        func requests(_ method: String, _ outcome: String) -> Double {
            delta(Self.requests, ["method": method, "outcome": outcome])
        }
        #expect(requests("daemon.status", "ok") == Double(calls))
        #expect(requests("daemon.status", "error") == 0)
        #expect(requests("region.provinces", "ok") == Double(calls))
        #expect(requests("cadre.get", "error") == 1)
        #expect(requests("cadre.get", "ok") == 0)
        #expect(requests("unknown", "error") == 1)
        // The first scrape, counted once it was answered.
        #expect(requests("daemon.metrics", "ok") == 1)
        let latency = "kaderd_rpc_request_duration_seconds_count"
        #expect(delta(latency, ["method": "region.provinces"]) == Double(calls))
        #expect(delta(latency, ["method": "cadre.get"]) == 1)
        #expect(!after.labelSets(of: Self.requests).contains { $0["method"] == "no.such_method" })
        #expect(after["kaderd_connections_open"] >= 1)

        // Tasks by state are the store's, as daemon.status reports them.
        let status = try connection.call("daemon.status")
        for state in ["scheduled", "due", "in_progress", "done", "missed", "cancelled", "failed"] {
            let counted = try #require(status["schedule"]?["tasks"]?[state]?.doubleValue)
            #expect(after["kaderd_tasks", ["state": state]] == counted, "\(state)")
        }
    }

    @Test func writesAndStreamedEventsAreCounted() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        let (before, after) = try await onThread {
            let connection = try daemon.connect()
            let subscriber = try daemon.connect()
            _ = try subscriber.call("events.subscribe", as: EventsSubscription.self)
            let before = PrometheusSamples(try scrape(connection))
            let cadres = (0..<3).map { number in
                CadreFields(name: "Kader \(number)", sex: "female", birthYear: 1990, field: "kesehatan", village: "51.03.01.1002")
            }
            _ = try connection.call("cadre.register", params: JSONValue(encoding: CadreRegisterParams(cadres: cadres)))
            // Each event is counted before it is sent, so once the third is here all are.
            for _ in 0..<3 { _ = try subscriber.nextEvent() }
            return (before, PrometheusSamples(try scrape(connection)))
        }
        #expect(after["kaderd_events_streamed_total"] - before["kaderd_events_streamed_total"] == 3)
        let commits = "kaderd_store_commit_duration_seconds_count"
        #expect(after[commits] - before[commits] >= 1, "the registration's write was timed")
        #expect(after["kaderd_tasks", ["state": "scheduled"]] == before["kaderd_tasks", ["state": "scheduled"]])
    }

    @Test func kaderctlPrintsWritesAndExplainsTheMetrics() async throws {
        let ctl = try await KaderctlSession()
        let printed = try await ctl.run(["metrics"])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout.contains("# TYPE kaderd_rpc_requests_total counter\n"))
        try await expectPromtoolPasses(printed.stdout)

        let json = try await ctl.json(["metrics"])
        #expect(json["text"]?.stringValue?.contains("kaderd_build_info") == true)

        let file = ctl.daemon.directory.file("kaderd.prom")
        let written = try await ctl.run(["metrics", "--output", file])
        #expect(written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
        try await expectPromtoolPasses(try String(contentsOfFile: file, encoding: .utf8))

        #expect(try await ctl.run(["--json", "metrics", "--output", file]).status == 64)
        let nowhere = try await run(
            try Binaries.path("kaderctl"), ["--socket", ctl.daemon.directory.file("none.sock"), "metrics"])
        #expect(nowhere.status == 69)
        let unwritable = try await ctl.run(["metrics", "--output", ctl.daemon.directory.file("no/such/folder/kaderd.prom")])
        #expect(unwritable.status != 0 && unwritable.stderr.contains("No such file or directory"), "\(unwritable.stderr)")

        let help = try await run(try Binaries.path("kaderctl"), ["metrics", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("node_exporter") && help.stdout.contains("Example"))
        #expect(help.stdout.contains("kaderctl metrics --output /var/lib/prometheus/node-exporter/kaderd.prom"))
        #expect(help.stdout.contains("--socket PATH"))
        #expect(KaderctlHelpTests.hardWrapped(help.stdout).isEmpty, "\(KaderctlHelpTests.hardWrapped(help.stdout))")
    }

    @Test func systemdAnalyzeVerifyPrintsNothingForTheMetricsUnits() async throws {
        let (directory, units) = try await installIntoFreshPrefix()
        defer { withExtendedLifetime(directory) {} }
        let result = try await run(
            "/usr/bin/systemd-analyze",
            ["verify", units + "/kaderd.socket", units + "/kaderd-metrics.service", units + "/kaderd-metrics.timer"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty && result.stderr.isEmpty, "verify printed:\n\(result.stdout)\(result.stderr)")
        let timer = try String(contentsOfFile: units + "/kaderd-metrics.timer", encoding: .utf8)
        #expect(timer.contains("OnUnitActiveSec=1min\n"))
    }

    /// As root (the collector's folder is root's), but with no capabilities and one folder
    /// to write: as safe as kaderd.service itself.
    @Test func theMetricsServiceSandboxScores1point5OrLower() async throws {
        let (directory, units) = try await installIntoFreshPrefix()
        defer { withExtendedLifetime(directory) {} }
        let result = try await run(
            "/usr/bin/systemd-analyze", ["security", "--offline=true", units + "/kaderd-metrics.service"])
        #expect(result.status == 0, "\(result.stderr)")
        let last = try #require(result.stdout.split(separator: "\n").last { $0.contains("Overall exposure level") })
        let score = try #require(last.split(separator: ": ").last?.split(separator: " ").first.flatMap { Double($0) })
        #expect(score <= 1.5, "\(last)")
    }

    /// The service's own command line, run as systemd would run it but into a folder of the
    /// test's: the file appears whole, and a second run replaces it by renaming, so a reader
    /// that opened the first still reads all of it and no temporary file stays behind.
    @Test func theTimersCommandWritesTheFileWholeAndReplacesItByRenaming() async throws {
        let (directory, units) = try await installIntoFreshPrefix()
        defer { withExtendedLifetime(directory) {} }
        let service = try String(contentsOfFile: units + "/kaderd-metrics.service", encoding: .utf8)
        let execStart = try #require(service.split(separator: "\n").first { $0.hasPrefix("ExecStart=") })
        let words = execStart.dropFirst("ExecStart=".count).split(separator: " ").map(String.init)
        #expect(words.first == directory.file("usr/bin/kaderctl"))
        let collectorFolder = "/var/lib/prometheus/node-exporter"
        #expect(words.contains(collectorFolder + "/kaderd.prom"))
        let collector = TemporaryDirectory()
        let arguments = words.dropFirst().map { $0.replacingOccurrences(of: collectorFolder, with: collector.path) }

        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        let first = try await run(words[0], arguments, environment: ["KADERD_SOCKET": daemon.socket])
        #expect(first.status == 0, "\(first.stderr)")
        let file = collector.file("kaderd.prom")
        let firstText = try String(contentsOfFile: file, encoding: .utf8)
        try await expectPromtoolPasses(firstText)
        let reader = try #require(FileHandle(forReadingAtPath: file))
        defer { try? reader.close() }

        let second = try await run(words[0], arguments, environment: ["KADERD_SOCKET": daemon.socket])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: collector.path) == ["kaderd.prom"])
        #expect(String(decoding: try reader.readToEnd() ?? Data(), as: UTF8.self) == firstText)
        let secondText = try String(contentsOfFile: file, encoding: .utf8)
        #expect(secondText != firstText, "the first run's scrape is counted in the second file")
        try await expectPromtoolPasses(secondText)
    }
}
