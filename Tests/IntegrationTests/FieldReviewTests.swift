import Foundation
import KaderCore
import KaderRPC
import KaderTesting
import Testing

/// What a review of the shipped plugins against public sources corrected, as a
/// facilitator sees it through kaderctl.
@Suite struct FieldReviewTests {
    /// A kaderctl session whose daemon loads the named plugins of plugins/.
    private func session(plugins: [String], bali: Bool = false) async throws -> KaderctlSession {
        let directory = TemporaryDirectory()
        let folder = try PluginFolder(in: directory)
        for name in plugins {
            let source = try String(contentsOfFile: PackageRoot.path + "/plugins/\(name)/\(name).c", encoding: .utf8)
            try await folder.build(name, source: source)
        }
        if bali { try folder.addBali() }
        return try KaderctlSession(daemon: await KaderdProcess(directory: directory, arguments: ["--config", folder.config]))
    }

    private func start(_ ctl: KaderctlSession, under region: String, name: String) async throws -> [JSONValue] {
        let village = try await ctl.desa(under: region)
        let cadre = try await ctl.register(name, sex: "P", born: 1990, field: "kesehatan", village: village.code)
        let started = try await ctl.json([
            "workflow", "start", "--cadre", cadre, "--start-date", TestDays.string(TestDays.firstOfNextMonth),
        ])
        return started["tasks"]?.arrayValue ?? []
    }

    @Test func acehCallsItsCadresKPMG() async throws {
        let ctl = try await session(plugins: ["aceh"])
        let tasks = try await start(ctl, under: "11.01", name: "Cut Nyak Dien")
        let titles = Dictionary(tasks.map { ($0["step"]?.stringValue ?? "", $0["title"]?.stringValue ?? "") }) { first, _ in first }
        #expect(titles["identification"] == "Identifikasi calon KPMG di gampong")
        #expect(titles["deliberation"] == "Pemilihan KPMG dalam Musyawarah Gampong")
        #expect(titles["decree"] == "Penetapan KPMG dengan SK Keuchik")
        #expect(titles["training"] == "Pelatihan dasar KPMG (5 hari)")
        #expect(titles["mentoring"] == "Kunjungan pendampingan KPMG")
        #expect(titles["tuha-peut"] == "Konsultasi dengan Tuha Peut")
        #expect(titles.values.allSatisfy { !$0.contains("KPMD") }, "\(titles)")
    }

    @Test func baliCoordinatesWithTheDesaAdatInItsDesaDinas() async throws {
        let ctl = try await session(plugins: [], bali: true)
        let steps = try await start(ctl, under: "51.03", name: "Ni Luh Ayu").compactMap { $0["step"]?.stringValue }
        let adat = try #require(steps.firstIndex(of: "desa-adat"), "\(steps)")
        #expect(steps[adat + 1] == "deliberation")
        let plugins = try await ctl.json(["plugins"])["plugins"]?.arrayValue ?? []
        #expect(plugins.first?["version"] == "1.1.0")
    }

    @Test func papuaHasNoFirstOfDecemberBlackout() async throws {
        let ctl = try await session(plugins: ["papua"])
        let today = TestCalendar.today(in: "91")
        let december = try LocalDate(year: today.month == 12 && today.day > 1 ? today.year + 1 : today.year, month: 12, day: 1)
        let preview = try await ctl.json([
            "schedule", "preview", "--rule", "FREQ=DAILY;COUNT=1", "--start", "\(december)T09:00", "--province", "91",
        ])
        #expect(preview["occurrences"] == [.string("\(december)T09:00:00+09:00")])
        #expect(preview["shifted"] == [])
        let plugins = try await ctl.json(["plugins"])["plugins"]?.arrayValue ?? []
        #expect(plugins.first?["hooks"] == ["plan"])
    }
}
