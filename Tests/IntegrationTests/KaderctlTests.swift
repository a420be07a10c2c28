import Foundation
import KaderRPC
import KaderTesting
import Testing

/// The real kaderctl binary against the real kaderd.
@Suite struct KaderctlTests {
    @Test func showsStatusForPeople() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        let result = try await run(try Binaries.path("kaderctl"), ["--socket", daemon.socket, "status"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("kaderd \(KaderVersion.current) is running\n"))
        let facts = Dictionary(
            result.stdout.split(separator: "\n").dropFirst().map { line -> (String, String) in
                let words = line.split(separator: " ", maxSplits: 1)
                return (String(words[0]), words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : "")
            }, uniquingKeysWith: { first, _ in first })
        #expect(facts["pid"] == String(daemon.pid))
        #expect(facts["socket"] == daemon.socket)
        #expect(facts["state"] == daemon.stateDir)
        #expect(facts["workflows"] == "0 active")
        #expect(facts["tasks"] == "0 scheduled, 0 due, 0 in_progress, 0 done, 0 missed, 0 cancelled, 0 failed")
        #expect(result.stderr.isEmpty)
    }

    @Test func showsStatusAsJSONForScripts() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        // The socket from the environment, the options after the command's name.
        let result = try await run(
            try Binaries.path("kaderctl"), ["status", "--json"], environment: ["KADERD_SOCKET": daemon.socket])
        #expect(result.status == 0, "\(result.stderr)")
        let status = try JSONParser.parse(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(status["pid"] == .number(JSONNumber(Int(daemon.pid))))
        #expect(status["socket"] == .string(daemon.socket))
        #expect(status["state_dir"] == .string(daemon.stateDir))
        #expect(status["version"] == .string(KaderVersion.current))
        #expect(status["uptime_seconds"]?.doubleValue ?? -1 >= 0)
    }

    @Test func saysInOneLineWhenTheDaemonIsNotThere() async throws {
        let directory = TemporaryDirectory()
        let socket = directory.file("absent.sock")
        let result = try await run(try Binaries.path("kaderctl"), ["status", "--socket", socket])
        #expect(result.status == 69)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "kaderctl: cannot reach kaderd at \(socket): no socket there (is kaderd running? set --socket or KADERD_SOCKET)\n")
    }

    @Test func saysSoWhenNothingListensOnAStaleSocket() async throws {
        let directory = TemporaryDirectory()
        let daemon = try await KaderdProcess(directory: directory)
        daemon.signal(SIGKILL)
        _ = try await daemon.waitForExit()
        let result = try await run(try Binaries.path("kaderctl"), ["--socket", daemon.socket, "status"])
        #expect(result.status == 69)
        #expect(result.stderr.contains("nothing is listening there"))
    }

    @Test func callsAnyMethodAndReportsRemoteErrors() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        let ctl = try Binaries.path("kaderctl")
        let discover = try await run(ctl, ["--socket", daemon.socket, "call", "rpc.discover"])
        #expect(discover.status == 0)
        let names = try JSONParser.parse(discover.stdout)["methods"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        let served = try #require(names)
        #expect(served == served.sorted())
        for name in ["daemon.reload", "daemon.status", "rpc.discover", "cadre.register", "workflow.start", "task.list", "report.kader_book"] {
            #expect(served.contains(name), "\(name) is listed")
        }

        let unknown = try await run(ctl, ["--socket", daemon.socket, "call", "cadre.teleport", "{}"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr == "kaderctl: Method not found: cadre.teleport\n")

        let badParams = try await run(ctl, ["--socket", daemon.socket, "call", "daemon.status", #"{"verbose":true}"#])
        #expect(badParams.status == 65)
        #expect(badParams.stderr.contains("verbose: is not a param of daemon.status"))

        let badJSON = try await run(ctl, ["--socket", daemon.socket, "call", "daemon.status", "{"])
        #expect(badJSON.status == 64)
        #expect(badJSON.stderr.contains("the params are not valid JSON"))
    }

    @Test func helpsOnEveryCommand() async throws {
        let ctl = try Binaries.path("kaderctl")
        let top = try await run(ctl, ["--help"])
        #expect(top.status == 0)
        for word in ["status", "call", "--socket", "--json", "KADERD_SOCKET"] { #expect(top.stdout.contains(word)) }
        for command in ["status", "call"] {
            let help = try await run(ctl, [command, "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("--socket"), "\(command) --help must mention the global options")
        }
        let wrong = try await run(ctl, ["stauts"])
        #expect(wrong.status == 64)
    }
}
