import Foundation
import KaderClient
import KaderRPC
import KaderTesting
import Testing

/// Who may do what, with real users connecting to a real daemon: outside both groups every
/// call is refused, the read group reads, the admin group changes things, and the history
/// says who did or tried what.
@Suite struct AccessTests {
    static let register = [
        "cadre", "register", "--name", "Ni Luh Ayu", "--sex", "P", "--birth-year", "1994", "--field", "kesehatan",
        "--village", "51.03.02.2001",
    ]

    /// A daemon (run as root) whose groups are the test's own, on a socket anyone may open,
    /// so that the policy, not file permissions, decides.
    private func daemon(_ accounts: TestAccounts, directory: TemporaryDirectory) async throws -> KaderdProcess {
        let config = directory.file("access.toml")
        try "admin_group = \"\(accounts.name("admins"))\"\nread_group = \"\(accounts.name("readers"))\"\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try await KaderdProcess(directory: directory, arguments: ["--config", config])
        #expect(chmod(directory.path, 0o711) == 0)
        #expect(chmod(daemon.socket, 0o666) == 0)
        return daemon
    }

    private func kaderctl(
        _ accounts: TestAccounts, as user: String, _ daemon: KaderdProcess, _ arguments: [String]
    ) async throws -> ProcessResult {
        try await accounts.run(as: user, try Binaries.path("kaderctl"), ["--socket", daemon.socket] + arguments)
    }

    @Test func eachGroupMayDoWhatItIsFor() async throws {
        let accounts = try await TestAccounts(
            groups: ["admins", "readers"],
            users: [("out", []), ("reader", ["readers"]), ("admin", ["admins", "readers"])])
        let daemon = try await daemon(accounts, directory: TemporaryDirectory())

        // Outside both groups: every call refused, reads and changes alike, with exit 77.
        for arguments in [["status"], ["region", "provinces"], ["cadre", "list"], Self.register, ["call", "rpc.discover"]] {
            let result = try await kaderctl(accounts, as: "out", daemon, arguments)
            #expect(result.status == 77, "\(arguments): \(result.stdout) \(result.stderr)")
            #expect(result.stderr.contains(accounts.name("readers")), "\(result.stderr)")
        }
        let outsider = try await kaderctl(accounts, as: "out", daemon, ["--json", "call", "cadre.list"])
        #expect(outsider.stderr.contains("cadre.list refused"), "\(outsider.stderr)")

        // The read group: reads work, every change is refused and names the admin group.
        for arguments in [["status"], ["region", "provinces"], ["cadre", "list"], ["call", "rpc.discover"]] {
            let result = try await kaderctl(accounts, as: "reader", daemon, arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        for arguments in [Self.register, ["call", "daemon.reload"], ["workflow", "cancel", "wf_nothing"]] {
            let result = try await kaderctl(accounts, as: "reader", daemon, arguments)
            #expect(result.status == 77, "\(arguments): \(result.stdout) \(result.stderr)")
            #expect(result.stderr.contains(accounts.name("admins")), "\(result.stderr)")
        }

        // The admin group: changes work, and the history names the admin's uid.
        let registered = try await kaderctl(accounts, as: "admin", daemon, ["--json"] + Self.register)
        #expect(registered.status == 0, "\(registered.stderr)")
        let parsed = try JSONParser.parse(registered.stdout)
        let id = try #require(parsed["cadres"]?.arrayValue?.first?["id"]?.stringValue, "\(registered.stdout)")
        #expect(try await kaderctl(accounts, as: "admin", daemon, ["call", "daemon.reload"]).status == 0)
        let shown = try await kaderctl(accounts, as: "reader", daemon, ["--json", "cadre", "show", id])
        let history = try #require(try JSONParser.parse(shown.stdout)["history"]?.arrayValue)
        let adminUID = JSONValue.number(JSONNumber(Int(try accounts.uid("admin"))))
        #expect(history.first?["uid"] == adminUID, "\(history)")

        // Every refusal and every change is in the history, with the uid of whoever tried.
        let events = try await onThread { () throws -> [EventInfo] in
            let connection = try daemon.connect()
            let subscription = try connection.call("events.subscribe", params: ["since": 0], as: EventsSubscription.self)
            var events: [EventInfo] = []
            while events.last?.seq ?? 0 < subscription.head {
                let line = try #require(try connection.readLine())
                guard let params = try JSONParser.parse(line)["params"] else { continue }
                events.append(try params.decode(EventInfo.self))
            }
            return events
        }
        let (out, reader, admin) = (try accounts.uid("out"), try accounts.uid("reader"), try accounts.uid("admin"))
        func methods(refusedTo uid: UInt32) -> Set<String> {
            Set(events.filter { $0.action == "refused" && $0.entityKind == "daemon" && $0.uid == uid }.compactMap { $0.detail["method"] })
        }
        #expect(methods(refusedTo: out).isSuperset(of: ["daemon.status", "region.provinces", "cadre.list", "cadre.register"]))
        #expect(methods(refusedTo: reader) == ["cadre.register", "daemon.reload", "workflow.cancel"])
        #expect(methods(refusedTo: admin).isEmpty)
        #expect(events.contains { $0.action == "registered" && $0.entityID == id && $0.uid == admin })
        #expect(events.contains { $0.entityKind == "daemon" && $0.action == "reloaded" && $0.uid == admin })
    }
}
