import Foundation
import KaderCore
import KaderRPC
import KaderTesting
import Testing

/// The two built-in programs as kaderctl shows and runs them: KPMD and the KPM of the
/// stunting convergence, each only where a Musyawarah Desa and a Kepala Desa exist.
@Suite struct KaderctlProgramsTests {
    @Test func listsBothBuiltInProgramsAndTheVillagesTheyAreFor() async throws {
        let ctl = try await KaderctlSession()
        let list = try await ctl.run(["program", "list"])
        #expect(list.status == 0, "\(list.stderr)")
        let ids = list.stdout.split(separator: "\n").dropFirst().compactMap { $0.split(separator: " ").first }
        #expect(ids == ["kpm", "kpmd"], "\(list.stdout)")
        #expect(list.stdout.contains("(built-in) kpm.toml") && list.stdout.contains("(built-in) kpmd.toml"))

        for id in ["kpmd", "kpm"] {
            let shown = try await ctl.run(["program", "show", id])
            #expect(shown.status == 0, "\(shown.stderr)")
            #expect(shown.stdout.contains("  villages  desa, desa adat\n"), "\(shown.stdout)")
            let json = try await ctl.json(["program", "show", id])
            #expect(json["village_kinds"] == ["desa", "desa_adat"])
        }
        let kpmd = try await ctl.json(["program", "show", "kpmd"])
        let steps = kpmd["steps"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        #expect(steps.last == "evaluation" && !steps.contains("graduation"), "no graduation: \(steps)")
    }

    @Test func startingAProgramInAKelurahanIsRefusedAndCreatesNothing() async throws {
        let ctl = try await KaderctlSession()
        let kuta = "51.03.01.1002"
        let cadre = try await ctl.register("Ni Ketut Sri", sex: "P", born: 1991, field: "kesehatan", village: kuta)
        let start = "\(TestCalendar.freeDay(atLeast: 2, in: kuta))"
        for (arguments, id) in [([String](), "kpmd"), (["--program", "kpm"], "kpm")] {
            let refused = try await ctl.run(["workflow", "start", "--cadre", cadre, "--start-date", start] + arguments)
            #expect(refused.status == 65)
            #expect(refused.stdout.isEmpty)
            #expect(
                refused.stderr == """
                    kaderctl: The workflow cannot start
                    kaderctl: program: Kuta (51.03.01.1002) is a kelurahan; program '\(id)' is for desa and desa adat \
                    (Musyawarah Desa, SK Kepala Desa); no program for kelurahan is loaded

                    """)
        }
        #expect(try await ctl.json(["workflow", "list"])["workflows"] == [])
        #expect(try await ctl.json(["task", "list"])["tasks"] == [])
        let history = try await ctl.json(["cadre", "show", cadre])
        #expect(history["cadre"]?["status"] == "candidate", "the cadre is as registered")
    }

    /// The KPM's year in a desa of each zone: every task at its step's time in the village's
    /// own clock, shown with the zone's Indonesian name.
    @Test(arguments: [("32.01", "WIB", "+07:00"), ("51.03", "WITA", "+08:00"), ("91.03", "WIT", "+09:00")])
    func runsTheKPMProgramInEachZone(regency: String, zone: String, offset: String) async throws {
        let ctl = try await KaderctlSession()
        let village = try await ctl.desa(under: regency)
        let cadre = try await ctl.register("Siti Aminah", sex: "P", born: 1990, field: "kesehatan", village: village.code)
        let start = TestCalendar.freeDay(atLeast: 2, in: village.code)
        let started = try await ctl.json(["workflow", "start", "--program", "kpm", "--cadre", cadre, "--start-date", "\(start)"])
        #expect(started["workflow"]?["program"] == "kpm")
        #expect(started["workflow"]?["zone"] == .string(zone))
        let tasks = started["tasks"]?.arrayValue ?? []
        #expect(tasks.count == 23, "seven steps, twelve monthly reports, four quarterly scorecards")
        func count(_ step: String) -> Int { tasks.filter { $0["step"]?.stringValue == step }.count }
        #expect(count("monitoring") == 12 && count("scorecard") == 4)
        #expect(tasks.first?["window_start"] == .string("\(start)T09:00:00\(offset)"))
        for task in tasks {
            let opens = try #require(task["window_start"]?.stringValue)
            let time = task["step"] == "training" ? "T08:00:00" : "T09:00:00"
            #expect(opens.hasSuffix(time + offset), "\(task)")
            #expect(task["zone"] == .string(zone))
        }

        let workflow = try #require(started["workflow"]?["id"]?.stringValue)
        let table = try await ctl.run(["task", "list", "--workflow", workflow])
        #expect(table.status == 0, "\(table.stderr)")
        let rows = table.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 23)
        #expect(rows.allSatisfy { $0.contains(":00 \(zone)  ") && $0.contains("\(village.name) (\(village.code))") })
        #expect(table.stdout.contains("\(start) 09:00 \(zone)"))
        #expect(table.stdout.contains("Pemilihan KPM dalam Musyawarah Desa"))
        #expect(table.stdout.contains("Laporan pemantauan bulanan sasaran 1.000 HPK (Formulir 2)"))
    }
}
