import Foundation
import KaderClient
import KaderCore
import KaderRPC
import KaderTesting
import Testing

/// Plugins as the real daemon loads them: the Aceh plugin, written in C from the header
/// alone, and every kind of plugin file that must be refused while the daemon serves on.
@Suite struct PluginTests {
    /// A daemon whose plugin folder holds these plugins, each built from its C source.
    private func daemon(plugins: [(name: String, source: String)], in directory: TemporaryDirectory) async throws
        -> KaderdProcess
    {
        let folder = try PluginFolder(in: directory)
        for plugin in plugins { try await folder.build(plugin.name, source: plugin.source) }
        return try await KaderdProcess(directory: directory, arguments: ["--config", folder.config])
    }

    /// Each plugin's state and reason, for a failure's message: a plugin that did not load
    /// or whose helper failed says why.
    static func states(_ connection: RPCConnection) throws -> String {
        try connection.call("plugin.list", as: PluginList.self).plugins.map { plugin in
            "\(plugin.name ?? plugin.path): \(plugin.state) \(plugin.reason ?? "")"
                + (plugin.helper?.lastFailure.map { ", last failure: \($0)" } ?? "")
        }.joined(separator: "; ")
    }

    private static func source(_ plugin: String) throws -> String {
        try String(contentsOfFile: PackageRoot.path + "/plugins/\(plugin)/\(plugin).c", encoding: .utf8)
    }

    /// A plugin of the given ABI version and reply to "plan", for province `province`.
    private func plugin(name: String, abi: String = "KADER_PLUGIN_ABI_VERSION", province: String, planReply: String) -> String {
        """
        #include <stdlib.h>
        #include <string.h>
        #include "kader_plugin.h"
        static char *call(const char *hook, const char *request) {
            (void)hook; (void)request;
            return strdup(\(planReply.debugDescription));
        }
        static void release(char *text) { free(text); }
        static const kader_plugin_descriptor descriptor = {
            \(abi), "\(name)", "0.1", "{\\"provinces\\": [\\"\(province)\\"], \\"hooks\\": [\\"plan\\"]}", call, release };
        const kader_plugin_descriptor *kader_plugin_entry(void) { return &descriptor; }
        """
    }

    @Test func loadsTheAcehPluginAndListsEveryRefusalWhileServing() async throws {
        let directory = TemporaryDirectory()
        let folder = try PluginFolder(in: directory)
        let aceh = try Self.source("aceh")
        try await folder.build("aceh", source: aceh)
        try await folder.build("writable", source: aceh, mode: 0o666)
        let foreign = try await folder.build("foreign", source: aceh)
        #expect(chown(foreign, 65534, 65534) == 0, "tests run as root, as CI does")
        try await folder.build("nosymbol", source: "int not_a_plugin(void) { return 0; }")
        try await folder.build("future", source: plugin(name: "future", abi: "99", province: "51", planReply: "{}"))
        try await folder.build("garbage", source: plugin(name: "garbage", province: "51", planReply: "this is not JSON"))
        let daemon = try await KaderdProcess(directory: directory, arguments: ["--config", folder.config])

        let start = "\(TestCalendar.freeDay(atLeast: 2, in: "11", "91", "51"))"
        try await onThread {
            let connection = try daemon.connect()
            let plugins = try connection.call("plugin.list", as: PluginList.self).plugins
            let byFile = Dictionary(uniqueKeysWithValues: plugins.map { (URL(fileURLWithPath: $0.path).lastPathComponent, $0) })
            #expect(byFile["aceh.so"]?.state == "loaded")
            #expect(byFile["aceh.so"]?.name == "aceh")
            #expect(byFile["aceh.so"]?.abi == 1)
            #expect(byFile["aceh.so"]?.provinces == ["11"])
            #expect(byFile["writable.so"]?.reason == "is writable by its group or by others (mode 666)")
            #expect(byFile["foreign.so"]?.reason?.hasPrefix("is owned by uid 65534, not by root") == true)
            #expect(byFile["nosymbol.so"]?.reason == "does not export kader_plugin_entry")
            #expect(byFile["future.so"]?.reason == "was built for plugin ABI 99; this kaderd speaks ABI 1")
            #expect(byFile["garbage.so"]?.state == "loaded")
            for refused in ["writable.so", "foreign.so", "nosymbol.so", "future.so"] {
                #expect(byFile[refused]?.state == "refused", "\(refused)")
            }

            func startProgram(village: String, name: String) throws -> Result<WorkflowDetail, RPCError> {
                let cadre = try connection.call(
                    "cadre.register",
                    params: ["name": .string(name), "sex": "L", "birth_year": 1988, "field": "ekonomi", "village": .string(village)],
                    as: CadreBatch.self
                ).cadres[0].id
                do {
                    return .success(
                        try connection.call(
                            "workflow.start", params: ["cadre": .string(cadre), "start_date": .string(start)],
                            as: WorkflowDetail.self))
                } catch ClientError.remote(let error) {
                    return .failure(error)
                }
            }

            // Aceh: the gampong's terms and the Tuha Peut before the keuchik's decree.
            let gampong = try startProgram(village: "11.01.01.2002", name: "Teuku Ahmad").get()
            let steps = gampong.tasks.map(\.step)
            #expect(steps.firstIndex(of: "tuha-peut")! + 1 == steps.firstIndex(of: "decree")!)
            #expect(gampong.tasks.first { $0.step == "deliberation" }?.title == "Pemilihan KPMG dalam Musyawarah Gampong")
            #expect(gampong.tasks.first { $0.step == "decree" }?.title == "Penetapan KPMG dengan SK Keuchik")
            #expect(gampong.tasks.count == 12)

            // Elsewhere the default program, untouched.
            let papua = try startProgram(village: "91.03.01.2004", name: "Yohanes").get()
            #expect(papua.tasks.count == 11)
            #expect(papua.tasks.first { $0.step == "decree" }?.title == "Penetapan KPMD dengan SK Kepala Desa")

            // Bali's garbage plugin: a clear error naming it, nothing started, and it shows as failed.
            guard case .failure(let error) = try startProgram(village: "51.03.02.2001", name: "Wayan") else {
                Issue.record("a garbage reply must refuse the workflow")
                return
            }
            #expect(error.kind == .pluginFailed)
            #expect(error.message.hasPrefix("Plugin garbage failed; nothing was changed:"))
            let after = try connection.call("plugin.list", as: PluginList.self).plugins
            #expect(after.first { $0.name == "garbage" }?.state == "failed")
            #expect(try connection.call("workflow.list", params: ["province": "51"], as: WorkflowList.self).workflows.isEmpty)
        }
        let listed = try await run(try Binaries.path("kaderctl"), ["--socket", daemon.socket, "plugins"])
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("aceh"))
        #expect(listed.stdout.contains("does not export kader_plugin_entry"))
    }

    @Test func theBaliPluginInSwiftBlacksOutGalunganInBaliOnly() async throws {
        let directory = TemporaryDirectory()
        let folder = try PluginFolder(in: directory)
        try folder.addBali()
        let daemon = try await KaderdProcess(directory: directory, arguments: ["--config", folder.config])
        // The plugin gives the daemon the blackouts of the years around its own only, so a
        // coming Galungan (such as 13 January 2027), with no national holiday beside it.
        let galungan = TestCalendar.galungan(atLeast: 2)
        let eve = galungan.adding(days: -1)
        let after = galungan.adding(days: 1)
        try await onThread {
            let connection = try daemon.connect()
            #expect(try connection.call("plugin.list", as: PluginList.self).plugins.map(\.state) == ["loaded"])
            // In Bali Galungan's occurrence moves to the next day; in Papua it stays.
            func preview(_ province: String) throws -> SchedulePreview {
                try connection.call(
                    "schedule.preview",
                    params: ["rule": "FREQ=DAILY", "start": .string("\(eve)T09:00:00"), "province": .string(province), "count": 3],
                    as: SchedulePreview.self)
            }
            let inBali = try preview("51")
            #expect(inBali.occurrences == ["\(eve)T09:00:00+08:00", "\(after)T09:00:00+08:00", "\(after)T09:00:00+08:00"])
            #expect(inBali.shifted.first?.blackout == "Hari Raya Galungan")
            let inPapua = try preview("91")
            #expect(inPapua.shifted.isEmpty)
        }
    }

    @Test func aValidatingPluginRefusesCadresOfItsProvinceOnly() async throws {
        let directory = TemporaryDirectory()
        let source = """
            #include <stdlib.h>
            #include <string.h>
            #include "kader_plugin.h"
            static char *call(const char *hook, const char *request) {
                (void)hook;
                if (strstr(request, "\\"field\\":\\"adat\\"") != NULL) return strdup("{\\"problems\\": []}");
                return strdup("{\\"problems\\": [{\\"field\\": \\"field\\", \\"message\\": \\"in Bali a KPMD's bidang is adat\\"}]}");
            }
            static void release(char *text) { free(text); }
            static const kader_plugin_descriptor descriptor = {
                KADER_PLUGIN_ABI_VERSION, "bidang", "0.1", "{\\"provinces\\": [\\"51\\"], \\"hooks\\": [\\"validate\\"]}", call, release };
            const kader_plugin_descriptor *kader_plugin_entry(void) { return &descriptor; }
            """
        let daemon = try await daemon(plugins: [("bidang", source)], in: directory)
        try await onThread {
            let connection = try daemon.connect()
            func register(_ village: String, field: String) throws -> RPCError? {
                do {
                    _ = try connection.call(
                        "cadre.register",
                        params: ["name": "Made", "sex": "L", "birth_year": 1990, "field": .string(field), "village": .string(village)])
                    return nil
                } catch ClientError.remote(let error) {
                    return error
                }
            }
            let refused = try register("51.03.01.1002", field: "kesehatan")
            let states = refused?.kind == .invalid ? "" : try Self.states(connection)
            #expect(refused?.kind == .invalid, "\(String(describing: refused)); \(states)")
            #expect(refused?.fields == [RPCFieldError(field: "field", message: "in Bali a KPMD's bidang is adat (plugin bidang)")])
            #expect(try register("51.03.01.1002", field: "adat") == nil)
            #expect(try register("91.03.01.2004", field: "kesehatan") == nil, "other provinces are not the plugin's")
        }
    }

    @Test func aPluginAddsAFollowUpWhenATrainingIsDone() async throws {
        let directory = TemporaryDirectory()
        let source = """
            #include <stdlib.h>
            #include <string.h>
            #include "kader_plugin.h"
            static char *call(const char *hook, const char *request) {
                (void)hook;
                if (strstr(request, "\\"kind\\":\\"training\\"") && strstr(request, "\\"to\\":\\"done\\""))
                    return strdup("{\\"follow_ups\\": [{\\"step\\": \\"laporan\\", \\"kind\\": \\"report\\", \\"title\\": \\"Laporan pelatihan\\", \\"duration_days\\": 7}]}");
                return strdup("{\\"follow_ups\\": []}");
            }
            static void release(char *text) { free(text); }
            static const kader_plugin_descriptor descriptor = {
                KADER_PLUGIN_ABI_VERSION, "reporter", "0.1", "{\\"provinces\\": [\\"91\\"], \\"hooks\\": [\\"transition\\"]}", call, release };
            const kader_plugin_descriptor *kader_plugin_entry(void) { return &descriptor; }
            """
        let daemon = try await daemon(plugins: [("reporter", source)], in: directory)
        let start = "\(TestCalendar.freeDay(atLeast: 2, in: "91"))"
        try await onThread {
            let connection = try daemon.connect()
            let cadre = try connection.call(
                "cadre.register",
                params: ["name": "Yohanes", "sex": "L", "birth_year": 1990, "field": "ekonomi", "village": "91.03.01.2004"],
                as: CadreBatch.self
            ).cadres[0].id
            let run = try connection.call(
                "workflow.start", params: ["cadre": .string(cadre), "start_date": .string(start)], as: WorkflowDetail.self)
            // The steps before the training, in their order; the SK dated today in Papua.
            for step in ["identification", "deliberation", "decree"] {
                let task = try #require(run.tasks.first { $0.step == step })
                let records: JSONValue =
                    step == "decree" ? ["decree_number": "141/1", "decree_date": .string("\(TestCalendar.today(in: "91"))")] : [:]
                _ = try connection.call("task.complete", params: ["id": .string(task.id), "records": records])
            }
            let training = try #require(run.tasks.first { $0.step == "training" })
            _ = try connection.call("task.complete", params: ["id": .string(training.id)])
            let after = try connection.call("workflow.get", params: ["id": .string(run.workflow.id)], as: WorkflowDetail.self)
            #expect(after.tasks.count == 12, "one follow-up, for the training only")
            let report = try #require(after.tasks.first { $0.step == "laporan" })
            #expect(report.title == "Laporan pelatihan")
            #expect(report.windowStart.hasSuffix("T09:00:00+09:00"))
            let history = try connection.call("task.get", params: ["id": .string(report.id)], as: TaskDetail.self).history
            #expect(history.first?.agent == "plugin reporter")
            #expect(history.first?.detail["after"] == training.id)
        }
    }

    /// plugins/papua was written by someone who had read only the header and docs/plugins.md.
    @Test func thePapuaPluginWrittenFromTheGuideAloneWorks() async throws {
        let directory = TemporaryDirectory()
        let daemon = try await daemon(plugins: [("papua", try Self.source("papua"))], in: directory)
        let start = "\(TestCalendar.freeDay(atLeast: 2, in: "91", "51"))"
        try await onThread {
            let connection = try daemon.connect()
            func run(_ village: String) throws -> WorkflowDetail {
                let cadre = try connection.call(
                    "cadre.register",
                    params: ["name": "Maria", "sex": "P", "birth_year": 1992, "field": "kesehatan", "village": .string(village)],
                    as: CadreBatch.self
                ).cadres[0].id
                return try connection.call(
                    "workflow.start", params: ["cadre": .string(cadre), "start_date": .string(start)], as: WorkflowDetail.self)
            }
            let kampung = try run("91.03.01.2004")
            #expect(kampung.tasks.first { $0.step == "deliberation" }?.title == "Pemilihan KPMD dalam Musyawarah Kampung")
            #expect(kampung.tasks.first { $0.step == "decree" }?.title == "Penetapan KPMD dengan SK Kepala Kampung")
            #expect(kampung.tasks.first { $0.step == "training" }?.title == "Pelatihan dasar KPMD (7 hari)")
            let desa = try run("51.03.02.2001")
            #expect(desa.tasks.first { $0.step == "deliberation" }?.title == "Pemilihan KPMD dalam Musyawarah Desa")
            #expect(desa.tasks.first { $0.step == "training" }?.title == "Pelatihan dasar KPMD (5 hari)")
        }
    }

    @Test func aReloadLoadsPluginsAddedSinceStart() async throws {
        let directory = TemporaryDirectory()
        let folder = try PluginFolder(in: directory)
        let daemon = try await KaderdProcess(directory: directory, arguments: ["--config", folder.config])
        #expect(try await onThread { try daemon.connect().call("plugin.list", as: PluginList.self) }.plugins.isEmpty)
        try await folder.build("aceh", source: try Self.source("aceh"))
        let plugins = try await onThread {
            let connection = try daemon.connect()
            _ = try connection.call("daemon.reload")
            return try connection.call("plugin.list", as: PluginList.self).plugins
        }
        #expect(plugins.map(\.name) == ["aceh"])
        #expect(plugins.map(\.state) == ["loaded"])
    }

    @Test func checksAPluginFileWithoutStartingTheService() async throws {
        let directory = TemporaryDirectory()
        let aceh = try Self.source("aceh")
        let good = try await PluginFolder.build("aceh", source: aceh, in: directory.path)
        let kaderd = try Binaries.path("kaderd")
        let ok = try await run(kaderd, ["--check-plugin", good])
        let relative = try await run("/bin/sh", ["-c", "cd \(directory.path) && \(kaderd) --check-plugin aceh.so"])
        #expect(relative.status == 0, "a file name alone means the current folder: \(relative.stderr)")
        #expect(ok.status == 0)
        #expect(ok.stdout.hasPrefix("\(good): loadable: aceh 1.1.0, plugin ABI 1\n"))
        let bad = try await PluginFolder.build("writable", source: aceh, in: directory.path, mode: 0o666)
        let refused = try await run(kaderd, ["--check-plugin", bad])
        #expect(refused.status == 65)
        #expect(refused.stderr == "kaderd: \(bad): refused: is writable by its group or by others (mode 666)\n")
    }
}
