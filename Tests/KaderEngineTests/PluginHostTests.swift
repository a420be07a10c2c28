import KaderCore
import KaderEngine
import KaderTesting
import Logging
import Testing

@Suite struct PluginHostTests {
    /// The Bali plugin in its helper: the kaderd binary in its plugin-host mode. Started,
    /// and its blackouts asked, on a thread of its own: waiting for a helper must not hold
    /// one of the test process's two cooperative threads, which its in-process servers need.
    static func baliHost() async throws -> PluginHost {
        let isolation = PluginIsolation(executable: try Binaries.path("kaderd"))
        let plugin = try Binaries.path("libKaderBaliPlugin.so")
        return try await onThread {
            let logger = Logger(label: "test")
            return PluginHost([PluginLoader.load(path: plugin, isolation: isolation, logger: logger)], logger: logger)
        }
    }

    /// Bali's desa adat have no codes of their own: they overlap the desa dinas, where the
    /// coordination is held. A kelurahan has no Musyawarah Desa to hold it before.
    @Test func theBaliPluginAddsTheDesaAdatCoordinationInEveryBaliDesa() async throws {
        let host = try await Self.baliHost()
        #expect(host.list.map(\.state) == [.loaded])
        let program = try BundledPrograms.defaultProgram()
        let desa = try await host.adapt(program, for: RegionCode("51.03.02.2001"))
        let ids = desa.steps.map(\.id)
        let adat = try #require(ids.firstIndex(of: "desa-adat"))
        #expect(ids[adat + 1] == "deliberation")
        #expect(desa.step("desa-adat")?.title == "Koordinasi dengan desa adat (Bendesa Adat)")
        #expect(try await host.adapt(program, for: RegionCode("51.03.01.1002")) == program, "a kelurahan keeps the program")
        #expect(try await host.adapt(program, for: RegionCode("91.03.01.3001")) == program, "outside Bali nothing changes")
    }

    @Test func theBaliPluginBlacksOutNyepiFromSixInTheMorning() async throws {
        let host = try await Self.baliHost()
        let calendar = try await onThread { host.blackouts(adding: BlackoutCalendar(), years: 2027...2027) }
        let bali = try RegionCode("51.03.01.2001")
        #expect(calendar.blackout(at: try LocalDateTime(parsing: "2027-03-08T05:59:00"), in: bali) == nil)
        #expect(calendar.blackout(at: try LocalDateTime(parsing: "2027-03-08T06:00:00"), in: bali)?.name == "Hari Suci Nyepi")
        #expect(calendar.blackout(at: try LocalDateTime(parsing: "2027-03-09T05:59:00"), in: bali)?.name == "Hari Suci Nyepi")
        #expect(calendar.blackout(at: try LocalDateTime(parsing: "2027-03-09T06:00:00"), in: bali) == nil)
        #expect(calendar.blackout(at: try LocalDateTime(parsing: "2027-08-21T10:00:00"), in: bali)?.name == "Hari Raya Kuningan")
        #expect(calendar.blackout(at: try LocalDateTime(parsing: "2027-03-08T10:00:00"), in: try RegionCode("91")) == nil)
    }
}
