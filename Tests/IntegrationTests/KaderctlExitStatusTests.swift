import Foundation
import KaderRPC
import KaderTesting
import Testing

/// Each error kind ends kaderctl with its own status, as the README's table says, and with
/// `--json` the failure is one JSON object on stderr that a script can branch on.
@Suite struct KaderctlExitStatusTests {
    /// One failure, as a script sees it: the status, and the JSON error on stderr.
    struct Failure {
        let status: Int32
        let stdout: String
        let error: JSONValue

        var kind: String? { error["kind"]?.stringValue }
        var code: Int? { error["code"]?.intValue }
        var exit: Int? { error["exit"]?.intValue }
    }

    private func failure(_ ctl: KaderctlSession, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation)
        async throws -> Failure
    {
        let result = try await ctl.run(["--json"] + arguments)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one JSON line on stderr: \(result.stderr)", sourceLocation: sourceLocation)
        let parsed = try JSONParser.parse(String(try #require(lines.first)))
        return Failure(status: result.status, stdout: result.stdout, error: try #require(parsed["error"]))
    }

    @Test func eachKindHasItsStatusAndItsJSONError() async throws {
        let ctl = try await KaderctlSession()
        let village = "51.03.02.2001"
        let cadre = try await ctl.register("Ni Luh Ayu", sex: "P", born: 1994, field: "kesehatan", village: village)

        let missing = try await failure(ctl, ["cadre", "show", "cdr_nosuchcadre000"])
        #expect(missing.status == 66 && missing.exit == 66)
        #expect(missing.kind == "not_found" && missing.code == -32001)
        #expect(missing.stdout.isEmpty)

        let twice = try await failure(
            ctl, ["cadre", "register", "--name", "Ni Luh Ayu", "--sex", "P", "--birth-year", "1994", "--field", "kesehatan",
                  "--village", village])
        #expect(twice.status == 81 && twice.kind == "duplicate" && twice.code == -32008)

        let start = "\(TestCalendar.freeDay(atLeast: 2, in: "51"))"
        let started = try await ctl.json(["workflow", "start", "--cadre", cadre, "--start-date", start])
        let workflow = try #require(started["workflow"]?["id"]?.stringValue)
        #expect(try await ctl.run(["workflow", "cancel", workflow, "--reason", "test"]).status == 0)
        let again = try await failure(ctl, ["workflow", "cancel", workflow, "--reason", "test"])
        #expect(again.status == 80 && again.kind == "conflict" && again.code == -32003, "\(again.error)")

        let invalid = try await failure(
            ctl, ["cadre", "register", "--name", "Anak", "--sex", "L", "--birth-year", "1990", "--field", " ", "--village", village])
        #expect(invalid.status == 65 && invalid.kind == "invalid" && invalid.code == -32004)
        #expect(invalid.error["fields"]?.arrayValue?.first?["field"]?.stringValue == "field")

        let usage = try await failure(ctl, ["task", "list", "--from", "yesterday"])
        #expect(usage.status == 64 && usage.kind == "usage" && usage.code == nil)
        #expect(usage.error["message"]?.stringValue?.contains("YYYY-MM-DD") == true, "\(usage.error)")

        let unknown = try await failure(ctl, ["call", "no.such.method"])
        #expect(unknown.status == 64 && unknown.kind == "method_not_found")

        let nowhere = try await KaderTesting.run(
            try Binaries.path("kaderctl"), ["--json", "--socket", ctl.daemon.directory.file("none.sock"), "status"])
        let unreachable = try JSONParser.parse(nowhere.stderr.trimmingCharacters(in: .newlines))["error"]
        #expect(nowhere.status == 69 && unreachable?["kind"]?.stringValue == "unavailable")

        // Without --json, the same failures are words for people.
        let plain = try await ctl.run(["cadre", "show", "cdr_nosuchcadre000"])
        #expect(plain.status == 66 && plain.stderr.hasPrefix("kaderctl: ") && !plain.stderr.contains("{"))
    }

    @Test func aFailedPluginEnds82AndABadCSVItsLinesAsFields() async throws {
        let directory = TemporaryDirectory()
        let folder = try PluginFolder(in: directory)
        try await folder.build(
            "refuses",
            source: PluginIsolationTests.plugin("refuses", hooks: #"\"plan\""#, body: #"return strdup("{\"error\": \"no\"}");"#))
        let ctl = try KaderctlSession(daemon: try await KaderdProcess(directory: directory, arguments: ["--config", folder.config]))
        let cadre = try await ctl.register("Maria Kewa", sex: "P", born: 1990, field: "kesehatan", village: "53.01.04.2003")
        let start = "\(TestCalendar.freeDay(atLeast: 2, in: "53"))"
        let refused = try await failure(ctl, ["workflow", "start", "--cadre", cadre, "--start-date", start])
        #expect(refused.status == 82 && refused.kind == "plugin_failed" && refused.code == -32007)

        let sheet = try ctl.file("kader.csv", "name,sex,birth_year,field,village\nAyu,X,1994,kesehatan,51.03.02.2001\n")
        let bad = try await failure(ctl, ["import", "cadres", sheet])
        #expect(bad.status == 65 && bad.kind == "invalid")
        #expect(bad.error["fields"]?.arrayValue?.first?["field"]?.stringValue == "\(sheet):2: sex", "\(bad.error)")
        let absent = try await failure(ctl, ["import", "cadres", directory.file("absent.csv")])
        #expect(absent.status == 66 && absent.kind == "not_found")
    }
}
