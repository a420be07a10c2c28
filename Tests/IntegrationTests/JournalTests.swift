import Foundation
import KaderRPC
import KaderTesting
import Testing

/// What kaderd writes to the journal when systemd runs it: structured entries, read here
/// as journald reads them from its socket.
@Suite struct JournalTests {
    @Test func writesEntriesWithPriorityCallerAndOurFields() async throws {
        let directory = TemporaryDirectory()
        let journal = try JournalListener(directory: directory)
        let notify = try NotifyListener(directory: directory)
        var environment = notify.environment
        environment["INVOCATION_ID"] = "5bd7e1e9c1a14c7e9d5a3b8e2f0c4d61"  // as for every process a unit starts
        let daemon = try await KaderdProcess(
            directory: directory, environment: environment, launcher: journal.namespaceLauncher,
            waitUntilReady: false)
        #expect(try await notify.next { $0 == "READY=1" } != nil, "kaderd's stderr:\n\(daemon.log)")

        let ready = try #require(
            await journal.next { $0["MESSAGE"]?.contains("kaderd \(KaderVersion.current) ready") == true },
            "no ready entry in the journal; stderr:\n\(daemon.log)")
        #expect(ready["PRIORITY"] == "5")
        #expect(ready["SYSLOG_IDENTIFIER"] == "kaderd")
        #expect(ready["CODE_FILE"]?.hasSuffix("ReadinessGate.swift") == true, "the Swift caller, not the handler")
        #expect(ready["CODE_FUNC"]?.hasPrefix("complete(") == true)
        #expect(Int(ready["CODE_LINE"] ?? "") != nil)
        #expect(ready["KADERD_SOCKET"] == daemon.socket)
        #expect(ready["KADERD_STATE_DIR"] == daemon.stateDir)

        try "log_level = \"nonsense\"\n".write(toFile: directory.file("kaderd.toml"), atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        let refused = try #require(await journal.next { $0["KADERD_TRIGGER"] == "SIGHUP" })
        #expect(refused["PRIORITY"] == "3")
        #expect(refused["KADERD_PROBLEM"]?.contains("'log_level' must be one of") == true)
        #expect(refused["KADERD_PROBLEM"]?.contains("'nonsense'") == true)

        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit() == 0)
        #expect(!daemon.log.contains("ready"), "under systemd nothing is duplicated on stderr:\n\(daemon.log)")
    }
}

