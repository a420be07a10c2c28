import CSpawn
import Foundation
import Synchronization
import KaderClient
import KaderRPC
import KaderTesting
import Testing

/// Plugins that crash, hang, exit or eat memory, built from the header alone as a province's
/// author might: each takes down its own helper process, never kaderd.
@Suite struct PluginIsolationTests {
    /// A plugin for NTT (53) whose `call` is `body` (with `hook` and `request` in scope) and
    /// whose entry point runs `entry` first.
    static func plugin(_ name: String, hooks: String, body: String, entry: String = "", province: String = "53") -> String {
        """
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>
        #include <unistd.h>
        #include "kader_plugin.h"
        static char *call(const char *hook, const char *request) {
            (void)hook; (void)request;
            \(body)
        }
        static void release(char *text) { free(text); }
        static const kader_plugin_descriptor descriptor = {
            KADER_PLUGIN_ABI_VERSION, "\(name)", "0.1",
            "{\\"provinces\\": [\\"\(province)\\"], \\"hooks\\": [\(hooks)]}", call, release };
        const kader_plugin_descriptor *kader_plugin_entry(void) { \(entry) return &descriptor; }
        """
    }

    static let renamesDecree = #"return strdup("{\"edits\": [{\"op\": \"rename\", \"step\": \"decree\", \"title\": \"SK Kepala Desa (NTT)\"}]}");"#

    /// A daemon whose plugin folder holds `plugins`, with `settings` added to its config.
    private func daemon(_ plugins: [(String, String)], settings: String = "", in directory: TemporaryDirectory) async throws
        -> (KaderdProcess, PluginFolder)
    {
        let folder = try PluginFolder(in: directory)
        for (name, source) in plugins { try await folder.build(name, source: source) }
        if !settings.isEmpty {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folder.config))
            handle.seekToEndOfFile()
            handle.write(Data((settings + "\n").utf8))
            try handle.close()
        }
        return (try await KaderdProcess(directory: directory, arguments: ["--config", folder.config]), folder)
    }

    private static func register(_ connection: RPCConnection, village: String, name: String) throws -> String {
        try connection.call(
            "cadre.register",
            params: ["name": .string(name), "sex": "P", "birth_year": 1990, "field": "kesehatan", "village": .string(village)],
            as: CadreBatch.self
        ).cadres[0].id
    }

    private static func start(_ connection: RPCConnection, cadre: String, on day: String) -> Result<WorkflowDetail, RPCError> {
        do {
            return .success(
                try connection.call(
                    "workflow.start", params: ["cadre": .string(cadre), "start_date": .string(day)], as: WorkflowDetail.self))
        } catch ClientError.remote(let error) {
            return .failure(error)
        } catch {
            return .failure(RPCError(code: 0, message: "\(error)"))
        }
    }

    private static func plugin(_ name: String, in connection: RPCConnection) throws -> PluginInfo? {
        try connection.call("plugin.list", as: PluginList.self).plugins.first { $0.name == name }
    }

    @Test func aPluginThatSegfaultsInPlanFailsItsRequestsOnlyAndLoadsOnceFixed() async throws {
        let directory = TemporaryDirectory()
        let crashing = Self.plugin("ntt", hooks: #"\"plan\""#, body: "volatile char *nothing = NULL; *nothing = 1; return NULL;")
        let (daemon, folder) = try await daemon([("ntt", crashing)], in: directory)
        let day = "\(TestCalendar.freeDay(atLeast: 2, in: "53", "91"))"
        try await onThread {
            let connection = try daemon.connect()
            let pid = try connection.call("daemon.status", as: DaemonStatus.self).pid
            let ntt = try Self.register(connection, village: "53.01.04.2003", name: "Maria Kewa")
            guard case .failure(let error) = Self.start(connection, cadre: ntt, on: day) else {
                Issue.record("a workflow whose plugin crashed must be refused")
                return
            }
            #expect(error.kind == .pluginFailed)
            #expect(error.message.hasPrefix("Plugin ntt failed; nothing was changed:"), "\(error.message)")
            #expect(error.message.contains("SIGSEGV"), "\(error.message)")
            #expect(try connection.call("daemon.status", as: DaemonStatus.self).pid == pid)
            #expect(daemon.pid == pid)
            #expect(try connection.call("workflow.list", params: ["province": "53"], as: WorkflowList.self).workflows.isEmpty)

            // Other provinces and every read go on.
            let papua = try Self.register(connection, village: "91.03.01.2004", name: "Yohana")
            #expect(try Self.start(connection, cadre: papua, on: day).get().tasks.count == 11)
            #expect(try connection.call("cadre.list", as: CadreList.self).cadres.count == 2)
            let listed = try #require(try Self.plugin("ntt", in: connection))
            #expect(listed.state == "failed")
            #expect(listed.reason?.contains("plan: its helper crashed (SIGSEGV)") == true, "\(listed.reason ?? "")")
            #expect(listed.helper?.failures == 1)
            #expect(listed.helper?.calls == 1)
            #expect(listed.helper?.lastFailureAt != nil)
        }
        let table = try await run(try Binaries.path("kaderctl"), ["--socket", daemon.socket, "plugins"])
        let header = try #require(table.stdout.split(separator: "\n").first)
        #expect(header.hasPrefix("NAME  VERSION  ABI  STATE   PID  CALLS  FAILURES  RESTARTS  PROVINCES"), "\(header)")
        #expect(table.stdout.contains("plan: its helper crashed (SIGSEGV)"), "\(table.stdout)")
        // The author fixes it; a reload loads the new file and it works.
        try await folder.build("ntt", source: Self.plugin("ntt", hooks: #"\"plan\""#, body: Self.renamesDecree))
        try await onThread {
            let connection = try daemon.connect()
            _ = try connection.call("daemon.reload")
            let listed = try #require(try Self.plugin("ntt", in: connection))
            #expect(listed.state == "loaded")
            #expect(listed.helper?.pid != nil)
            let ntt = try Self.register(connection, village: "53.01.04.2004", name: "Yosef Bria")
            let run = try Self.start(connection, cadre: ntt, on: day).get()
            #expect(run.tasks.first { $0.step == "decree" }?.title == "SK Kepala Desa (NTT)")
        }
    }

    @Test func aValidateThatNeverReturnsTimesOutWhileTheDaemonAnswersOthers() async throws {
        let directory = TemporaryDirectory()
        let hanging = Self.plugin(
            "ntt", hooks: #"\"validate\""#,
            body: #"fprintf(stderr, "validating forever\n"); fflush(stderr); for (;;) pause(); return NULL;"#)
        // Long enough for the helper to start beside the whole suite, which also bounds loading.
        let (daemon, _) = try await daemon([("ntt", hanging)], settings: "plugin_timeout_seconds = 3", in: directory)
        let steady = try await KaderdProcess(directory: TemporaryDirectory())
        let registering = Task {
            try await onThread { () -> (RPCError?, Duration) in
                let began = ContinuousClock.now
                do {
                    _ = try Self.register(try daemon.connect(), village: "53.01.04.2003", name: "Maria Kewa")
                    return (nil, ContinuousClock.now - began)
                } catch ClientError.remote(let error) {
                    return (error, ContinuousClock.now - began)
                }
            }
        }
        // The plugin's own stderr reaches kaderd's log: the call is in the plugin now.
        let validating = try await daemon.logContains("validating forever")
        let states = validating ? "" : try await onThread { try PluginTests.states(daemon.connect()) }
        #expect(validating, "\(states)")
        // Each call is paired with one to a daemon with no plugin, in the same moment: what
        // the machine's load adds shows in both, what the hanging plugin adds only in the first.
        let (latencies, beside, papua) = try await onThread { () -> ([Duration], [Duration], String) in
            let connection = try daemon.connect()
            let baseline = try steady.connect()
            let papua = try Self.register(connection, village: "91.03.01.2004", name: "Yohana")
            func status(_ connection: RPCConnection) throws -> Duration {
                let began = ContinuousClock.now
                _ = try connection.call("daemon.status", as: DaemonStatus.self)
                return ContinuousClock.now - began
            }
            var latencies: [Duration] = []
            var beside: [Duration] = []
            for _ in 0..<300 {
                latencies.append(try status(connection))
                beside.append(try status(baseline))
            }
            return (latencies.sorted(), beside.sorted(), papua)
        }
        let (error, took) = try await registering.value
        #expect(papua.hasPrefix("cdr_"))
        #expect(took >= .seconds(3) && took < .seconds(3) + .seconds(waitLimit), "\(took)")
        // Alone on this machine p99 is about 1–2 ms (as without a plugin). Beside the whole
        // suite the slowest percent measures the scheduler, so the suite holds p90 to the
        // same bound: a hang that held status back would slow every call.
        let p90 = latencies[latencies.count * 9 / 10]
        let baselineP90 = beside[beside.count * 9 / 10]
        #expect(
            p90 < baselineP90 * 1.5 + .milliseconds(5), "daemon.status p90 \(p90) while a plugin hangs; beside it \(baselineP90)")
        #expect(error?.kind == .pluginFailed)
        #expect(error?.message.contains("did not answer within 3 s") == true, "\(error?.message ?? "")")
        try await onThread {
            let connection = try daemon.connect()
            #expect(try connection.call("cadre.list", params: ["province": "53"], as: CadreList.self).cadres.isEmpty)
            #expect(try Self.plugin("ntt", in: connection)?.reason?.contains("validate: did not answer within 3 s") == true)
        }
    }

    /// The transition hook is asked before the change's transaction: a plugin hanging there
    /// holds its own request, not every province's writes.
    @Test func aTransitionThatNeverReturnsHoldsNoOtherWrite() async throws {
        let directory = TemporaryDirectory()
        let hanging = Self.plugin(
            "ntt", hooks: #"\"transition\""#,
            body: #"fprintf(stderr, "transition forever\n"); fflush(stderr); for (;;) pause(); return NULL;"#)
        let (daemon, _) = try await daemon([("ntt", hanging)], settings: "plugin_timeout_seconds = 5", in: directory)
        let day = "\(TestCalendar.freeDay(atLeast: 2, in: "53"))"
        let identification = try await onThread { () -> String in
            let connection = try daemon.connect()
            let ntt = try Self.register(connection, village: "53.01.04.2003", name: "Maria Kewa")
            let run = try Self.start(connection, cadre: ntt, on: day).get()
            return try #require(run.tasks.first { $0.step == "identification" }?.id)
        }
        let finished = Atomic(false)
        let completing = Task {
            defer { finished.store(true, ordering: .sequentiallyConsistent) }
            return try await onThread { () -> RPCError? in
                do {
                    _ = try daemon.connect().call("task.complete", params: ["id": .string(identification)])
                    return nil
                } catch ClientError.remote(let error) {
                    return error
                }
            }
        }
        #expect(try await daemon.logContains("transition forever"))
        // Another province's write goes through while the plugin still hangs.
        let papua = try await onThread { try Self.register(try daemon.connect(), village: "91.03.01.2004", name: "Yohana") }
        #expect(papua.hasPrefix("cdr_"))
        let hangingStillRuns = !finished.load(ordering: .sequentiallyConsistent)
        #expect(hangingStillRuns, "the registration waited for the hanging plugin")
        let error = try await completing.value
        #expect(error?.kind == .pluginFailed && error?.message.contains("did not answer within 5 s") == true, "\(String(describing: error))")
        let task = try await onThread {
            try daemon.connect().call("task.get", params: ["id": .string(identification)], as: TaskDetail.self).task
        }
        #expect(task.state != "done", "nothing changed")
    }

    @Test func aPluginThatExitsAbortsOrHangsWhileLoadingIsRefusedWithTheReason() async throws {
        let directory = TemporaryDirectory()
        let exits = Self.plugin("exits", hooks: #"\"plan\""#, body: "return NULL;", entry: "exit(0);")
        let aborts = Self.plugin("aborts", hooks: #"\"plan\""#, body: "return NULL;", entry: "abort();")
        let hangs = Self.plugin("hangs", hooks: #"\"plan\""#, body: "return NULL;", entry: "for (;;) pause();")
        let complains = Self.plugin(
            "complains", hooks: #"\"plan\""#, body: "return NULL;",
            entry: #"fputs("complains: no holiday file for 2027\n", stderr); exit(3);"#)
        let fine = Self.plugin("fine", hooks: #"\"plan\""#, body: Self.renamesDecree)
        let (daemon, folder) = try await daemon(
            // Long enough for a helper to start beside the whole suite (1 s was not, once).
            [("exits", exits), ("aborts", aborts), ("hangs", hangs), ("complains", complains), ("fine", fine)],
            settings: "plugin_timeout_seconds = 4", in: directory)
        let plugins = try await onThread { try daemon.connect().call("plugin.list", as: PluginList.self).plugins }
        let byFile = Dictionary(uniqueKeysWithValues: plugins.map { (URL(fileURLWithPath: $0.path).lastPathComponent, $0) })
        #expect(byFile["exits.so"]?.state == "refused")
        #expect(
            byFile["exits.so"]?.reason
                == "its helper exited with status 0 while loading the plugin (kader_plugin_entry must return, not exit)")
        #expect(byFile["aborts.so"]?.state == "refused")
        #expect(byFile["aborts.so"]?.reason == "its helper crashed (SIGABRT) while loading the plugin")
        #expect(byFile["hangs.so"]?.reason == "loading it took longer than 4 s; its helper was killed")
        // What a plugin said before it gave up is the reason's end.
        #expect(
            byFile["complains.so"]?.reason
                == "its helper exited with status 3 while loading the plugin; it said: complains: no holiday file for 2027")
        #expect(byFile["fine.so"]?.state == "loaded")
        #expect(try await onThread { try daemon.connect().call("daemon.status", as: DaemonStatus.self) }.pid == daemon.pid)

        let checked = try await run(try Binaries.path("kaderd"), ["--check-plugin", folder.path + "/aborts.so"])
        #expect(checked.status == 65)
        #expect(checked.stderr == "kaderd: \(folder.path)/aborts.so: refused: its helper crashed (SIGABRT) while loading the plugin\n")
    }

    /// A plugin may lie: answer more than a reply may hold, or write on its helper's channel
    /// behind its helper's back.
    @Test func anOversizedReplyOrGarbageOnTheChannelFailsOnlyThatRequest() async throws {
        let directory = TemporaryDirectory()
        let oversized = Self.plugin(
            "ntt", hooks: #"\"plan\""#,
            body: #"char *big = malloc(2 << 20); memset(big, ' ', 2 << 20); big[0] = '{'; strcpy(big + (2 << 20) - 14, "\"edits\": []}"); return big;"#)
        let garbling = Self.plugin(
            "garbling", hooks: #"\"plan\""#, body: #"write(3, "\377\377\377\177", 4); return strdup("{\"edits\": []}");"#,
            province: "91")
        let (daemon, _) = try await daemon([("ntt", oversized), ("garbling", garbling)], in: directory)
        let day = "\(TestCalendar.freeDay(atLeast: 2, in: "53", "91", "51"))"
        try await onThread {
            let connection = try daemon.connect()
            let ntt = try Self.register(connection, village: "53.01.04.2003", name: "Maria Kewa")
            guard case .failure(let big) = Self.start(connection, cadre: ntt, on: day) else {
                Issue.record("an oversized reply must refuse the workflow")
                return
            }
            #expect(big.kind == .pluginFailed)
            #expect(big.message == "Plugin ntt failed; nothing was changed: its reply is longer than 1048576 bytes")
            let papua = try Self.register(connection, village: "91.03.01.2004", name: "Yohana")
            guard case .failure(let garbled) = Self.start(connection, cadre: papua, on: day) else {
                Issue.record("garbage on the channel must refuse the workflow")
                return
            }
            #expect(
                garbled.message
                    == "Plugin garbling failed; nothing was changed: its helper sent a malformed or oversized reply; it was killed")
            #expect(try Self.plugin("ntt", in: connection)?.helper?.restarts == 0, "an oversized reply leaves the helper running")
            let bali = try Self.register(connection, village: "51.03.02.2001", name: "Wayan")
            #expect(try Self.start(connection, cadre: bali, on: day).get().tasks.count == 11)
        }
    }

    @Test func aPluginThatAllocatesWithoutBoundHitsItsLimitAndIsRestartedWithBackoff() async throws {
        let directory = TemporaryDirectory()
        let greedy = Self.plugin(
            "ntt", hooks: #"\"plan\""#,
            body: "for (;;) { char *more = malloc(1 << 20); if (more == NULL) abort(); more[0] = 1; }")
        let (daemon, _) = try await daemon([("ntt", greedy)], settings: "plugin_memory_limit_mib = 512", in: directory)
        let day = "\(TestCalendar.freeDay(atLeast: 2, in: "53"))"
        let before = try Self.residentBytes(of: daemon.pid)
        try await onThread {
            let connection = try daemon.connect()
            let ntt = try Self.register(connection, village: "53.01.04.2003", name: "Maria Kewa")
            let first = try #require(try Self.plugin("ntt", in: connection)?.helper?.pid)
            for attempt in 1...2 {
                guard case .failure(let error) = Self.start(connection, cadre: ntt, on: day) else {
                    Issue.record("attempt \(attempt) must fail")
                    return
                }
                #expect(error.kind == .pluginFailed)
                #expect(error.message.contains("crashed (SIGABRT)"), "\(error.message)")
            }
            let listed = try #require(try Self.plugin("ntt", in: connection))
            #expect(listed.helper?.restarts == 1, "the first failure restarts the helper at the next call")
            #expect(listed.helper?.failures == 2)
            #expect(Self.hasEnded(first))
            // Two failures in a row: the next start waits, and the call fails at once.
            guard case .failure(let waiting) = Self.start(connection, cadre: ntt, on: day) else {
                Issue.record("a helper in backoff must not be started")
                return
            }
            #expect(waiting.message.contains("it is started again in"), "\(waiting.message)")
            #expect(try Self.plugin("ntt", in: connection)?.helper?.restarts == 1)
        }
        let after = try Self.residentBytes(of: daemon.pid)
        #expect(after < before + 32 << 20, "kaderd's RSS went from \(before >> 20) to \(after >> 20) MiB")
    }

    @Test func killingKaderdLeavesNoHelperBehindEvenOneInACall() async throws {
        let directory = TemporaryDirectory()
        let hanging = Self.plugin(
            "ntt", hooks: #"\"validate\""#,
            body: #"fprintf(stderr, "validating forever\n"); fflush(stderr); for (;;) pause(); return NULL;"#)
        let fine = Self.plugin("fine", hooks: #"\"plan\""#, body: Self.renamesDecree, province: "91")
        let (daemon, _) = try await daemon([("ntt", hanging), ("fine", fine)], settings: "plugin_timeout_seconds = 300", in: directory)
        let helpers = try await onThread {
            try daemon.connect().call("plugin.list", as: PluginList.self).plugins.compactMap { $0.helper?.pid }
        }
        #expect(helpers.count == 2)
        let registering = Task {
            try? await onThread { _ = try Self.register(try daemon.connect(), village: "53.01.04.2003", name: "Maria Kewa") }
        }
        let validating = try await daemon.logContains("validating forever")
        let states = validating ? "" : try await onThread { try PluginTests.states(daemon.connect()) }
        #expect(validating, "\(states)")
        daemon.signal(SIGKILL)
        _ = try await daemon.waitForExit()
        _ = await registering.value
        for helper in helpers {
            let ended = try await onThread { cspawn_wait_for_exit(helper, Int32(waitLimit * 1000)) }
            #expect(ended == 1, "helper \(helper) outlived kaderd")
        }
    }

    /// A process's resident memory, from /proc.
    static func residentBytes(of pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") })
        return try #require(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])) << 10
    }

    static func hasEnded(_ pid: Int32) -> Bool { cspawn_wait_for_exit(pid, 0) == 1 }
}
