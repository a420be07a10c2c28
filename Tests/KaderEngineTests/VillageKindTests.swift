import Foundation
import KaderCore
import KaderEngine
import KaderStore
import KaderTesting
import Testing

/// A program runs only in the kinds of village it names: a kelurahan has no Musyawarah
/// Desa and no Kepala Desa, so neither built-in program starts there.
@Suite struct VillageKindTests {
    let caller = EngineFixture.caller
    let kuta = "51.03.01.1002"

    private func kelurahanCadre(_ fixture: EngineFixture) async throws -> CadreID {
        try await fixture.service.registerCadres(
            [EngineFixture.draft("Ni Wayan", village: kuta)], asBatch: false, caller: caller)[0].id
    }

    @Test(arguments: BundledPrograms.ids)
    func aBuiltInProgramIsRefusedInAKelurahanAndNothingIsStored(id: String) async throws {
        let fixture = try await EngineFixture()
        let cadre = try await kelurahanCadre(fixture)
        let error = await #expect(throws: EngineError.self) {
            try await fixture.service.startWorkflow(
                program: id, version: nil, cadres: [cadre], startDate: try LocalDate(parsing: "2026-02-02"), caller: caller)
        }
        guard case .invalid(let validation)? = error else {
            Issue.record("expected invalid, got \(String(describing: error))")
            return
        }
        #expect(validation.problems == [
            FieldProblem(
                field: "program",
                message: "Kuta (51.03.01.1002) is a kelurahan; program '\(id)' is for desa and desa adat "
                    + "(Musyawarah Desa, SK Kepala Desa); no program for kelurahan is loaded")
        ])
        let stored = try await fixture.store.read { try $0.workflows(matching: WorkflowQuery(), page: PageRequest()) }
        #expect(stored.items.isEmpty)
    }

    @Test func theRefusalNamesAProgramForKelurahanWhenOneIsLoaded() async throws {
        let folder = TemporaryDirectory()
        try """
            id = "lpm"
            version = 1
            title = "Kader LPM kelurahan"
            village_kinds = ["kelurahan"]

            [[steps]]
            id = "training"
            kind = "training"
            title = "Pelatihan"
            """.write(toFile: folder.file("lpm.toml"), atomically: true, encoding: .utf8)
        let fixture = try await EngineFixture(catalog: .load(folders: [folder.path]))
        let cadre = try await kelurahanCadre(fixture)
        let error = await #expect(throws: EngineError.self) {
            try await fixture.service.startWorkflow(
                program: "kpmd", version: nil, cadres: [cadre], startDate: try LocalDate(parsing: "2026-02-02"),
                caller: caller)
        }
        #expect(
            error?.description.hasSuffix(
                "program 'kpmd' is for desa and desa adat (Musyawarah Desa, SK Kepala Desa); program 'lpm' is for kelurahan")
                == true)
        let (workflow, tasks) = try await fixture.service.startWorkflow(
            program: "lpm", version: nil, cadres: [cadre], startDate: try LocalDate(parsing: "2026-02-02"), caller: caller)
        #expect(workflow.programID == "lpm")
        #expect(tasks.count == 1)
    }

    @Test func aDesaAdatRunsTheBuiltInPrograms() async throws {
        let fixture = try await EngineFixture()
        // Desa Adat Yoboi in Sentani, Jayapura: one of the 14 desa adat, all coded in 2022.
        let cadres = try await fixture.service.registerCadres(
            [EngineFixture.draft("Yakomina", village: "91.03.01.3007")], asBatch: false, caller: caller)
        for id in BundledPrograms.ids {
            let (workflow, _) = try await fixture.service.startWorkflow(
                program: id, version: nil, cadres: [cadres[0].id], startDate: try LocalDate(parsing: "2026-02-02"),
                caller: caller)
            #expect(workflow.village.villageKind == .desaAdat)
        }
    }
}
