import Foundation
import KaderCore
import KaderEngine
import KaderStore
import KaderTesting
import Testing

@Suite struct WorkflowServiceTests {
    let fixture: EngineFixture
    var service: WorkflowService { fixture.service }
    let caller = EngineFixture.caller
    /// Munggu (Mengwi, Badung), a desa: no program of kaderd's runs in a kelurahan.
    let bali = "51.03.02.2001"
    let papua = "91.03.01.2004"

    init() async throws {
        fixture = try await EngineFixture()
    }

    private func register(_ names: [String], village: String) async throws -> [Cadre] {
        try await service.registerCadres(
            names.map { EngineFixture.draft($0, village: village) }, asBatch: names.count > 1, caller: caller)
    }

    @Test func registersAllOrNoneAndNamesEveryBadRow() async throws {
        let good = EngineFixture.draft("Ni Luh", village: bali)
        let unknownVillage = EngineFixture.draft("Made", village: "51.03.01.2999")
        let tooYoung = EngineFixture.draft("Kadek", village: bali, birthYear: 2020)
        let error = await #expect(throws: EngineError.self) {
            try await service.registerCadres([good, unknownVillage, tooYoung], asBatch: true, caller: caller)
        }
        guard case .invalid(let validation)? = error else { return }
        #expect(validation.problems.map(\.field) == ["cadres[1].village", "cadres[2].birth_year"])
        #expect(try await service.cadres(matching: CadreQuery(), page: PageRequest()).items.isEmpty, "nothing was registered")

        let registered = try await service.registerCadres([good], asBatch: false, caller: caller)
        #expect(registered[0].id.rawValue.hasPrefix("cdr_"))
        #expect(registered[0].status == .candidate)
        let history = try await fixture.store.read { try $0.history(of: registered[0].id.rawValue) }
        #expect(history.map(\.action) == ["registered"])
        #expect(history[0].caller.uid == 1000)
    }

    @Test func startsTheDefaultProgramInTheVillagesZone() async throws {
        let cadres = try await register(["Wayan", "Made", "Nyoman"], village: bali)
        let (workflow, tasks) = try await service.startWorkflow(
            program: "kpmd", version: nil, cadres: cadres.map(\.id), startDate: try LocalDate(parsing: "2026-02-02"),
            caller: caller)
        #expect(workflow.zoneIdentifier == "Asia/Makassar")
        #expect(workflow.cadres == cadres.map(\.id))
        #expect(tasks.count == 11)
        #expect(tasks.allSatisfy { $0.state == .scheduled && $0.village.description == bali })
        #expect(LocalDateTime(tasks[0].windowStart, in: TimeZone(identifier: "Asia/Makassar")!).description == "2026-02-02T09:00:00")
        let listed = try await service.tasks(
            matching: TaskQuery(region: RegionFilter(within: [try RegionCode("51")])), page: PageRequest())
        #expect(listed.items.map(\.id) == tasks.map(\.id))
    }

    @Test func refusesASecondRunOfTheSameProgramAndMixedCohorts() async throws {
        let baliCadres = try await register(["Wayan", "Made"], village: bali)
        let papuaCadres = try await register(["Yohanes"], village: papua)
        let start = try LocalDate(parsing: "2026-02-02")
        _ = try await service.startWorkflow(program: "kpmd", version: nil, cadres: [baliCadres[0].id], startDate: start, caller: caller)
        await #expect(throws: EngineError.self) {
            try await service.startWorkflow(program: "kpmd", version: nil, cadres: [baliCadres[0].id], startDate: start, caller: caller)
        }
        let mixed = await #expect(throws: EngineError.self) {
            try await service.startWorkflow(
                program: "kpmd", version: nil, cadres: [baliCadres[1].id, papuaCadres[0].id], startDate: start, caller: caller)
        }
        #expect(mixed?.description.contains("a cohort is the cadres of one village") == true)
        await #expect(throws: EngineError.notFound(what: "program", id: "nope")) {
            try await service.startWorkflow(program: "nope", version: nil, cadres: [baliCadres[1].id], startDate: start, caller: caller)
        }
    }

    @Test func completingTheDecreeNeedsItsNumberAndMakesTheCadresActive() async throws {
        let cadres = try await register(["Wayan"], village: bali)
        let (_, tasks) = try await service.startWorkflow(
            program: "kpmd", version: nil, cadres: [cadres[0].id], startDate: try LocalDate(parsing: "2026-02-02"), caller: caller)
        let decree = try #require(tasks.first { $0.kind == .decree })
        let missing = await #expect(throws: EngineError.self) {
            try await service.completeTask(decree.id, records: ["decree_date": "2 Feb"], caller: caller)
        }
        guard case .invalid(let validation)? = missing else { return }
        #expect(validation.problems.map(\.field) == ["records.decree_number", "records.decree_date"])
        #expect(try await service.task(decree.id).state == .scheduled, "a refused change changes nothing")

        let done = try await service.completeTask(
            decree.id, records: ["decree_number": "141/12/2026", "decree_date": "2026-03-01"], caller: caller)
        #expect(done.state == .done)
        #expect(done.records["decree_number"] == "141/12/2026")
        #expect(try await service.cadre(cadres[0].id).status == .active)
    }

    @Test func refusesIllegalTransitionsWithAClearConflict() async throws {
        let cadres = try await register(["Wayan"], village: bali)
        let (_, tasks) = try await service.startWorkflow(
            program: "kpmd", version: nil, cadres: [cadres[0].id], startDate: try LocalDate(parsing: "2026-02-02"), caller: caller)
        let training = try #require(tasks.first { $0.kind == .training })
        _ = try await service.cancelTask(training.id, reason: "flood", caller: caller)
        await #expect(throws: EngineError.conflict("task \(training.id) is cancelled; a cancelled task cannot be completed")) {
            try await service.completeTask(training.id, records: [:], caller: caller)
        }
        let history = try await fixture.store.read { try $0.history(of: training.id.rawValue) }
        #expect(history.map(\.action) == ["planned", "moved"])
        #expect(history.last?.detail == ["from": "scheduled", "to": "cancelled", "reason": "flood"])
    }

    @Test func reschedulingKeepsTheWindowsLength() async throws {
        let cadres = try await register(["Wayan"], village: bali)
        let (_, tasks) = try await service.startWorkflow(
            program: "kpmd", version: nil, cadres: [cadres[0].id], startDate: try LocalDate(parsing: "2026-02-02"), caller: caller)
        let visit = try #require(tasks.first { $0.kind == .mentoringVisit })
        let moved = try await service.rescheduleTask(
            visit.id, to: try LocalDateTime(parsing: "2026-05-20T10:30:00"), reason: "Galungan", caller: caller)
        let zone = TimeZone(identifier: "Asia/Makassar")!
        #expect(LocalDateTime(moved.windowStart, in: zone).description == "2026-05-20T10:30:00")
        #expect(moved.windowEnd.timeIntervalSince(moved.windowStart) == visit.windowEnd.timeIntervalSince(visit.windowStart))
        let history = try await fixture.store.read { try $0.history(of: visit.id.rawValue) }
        #expect(history.last?.detail["to"] == "2026-05-20T10:30:00+08:00")

        await #expect(throws: EngineError.self) {
            try await service.rescheduleTask(visit.id, to: try LocalDateTime(parsing: "2025-01-01T09:00:00"), reason: "", caller: caller)
        }
    }

    @Test func aWorkflowCompletesWhenItsLastTaskEndsAndCancelsAsAWhole() async throws {
        let cadres = try await register(["Wayan", "Made"], village: bali)
        let start = try LocalDate(parsing: "2026-02-02")
        let (first, tasks) = try await service.startWorkflow(
            program: "kpmd", version: nil, cadres: [cadres[0].id], startDate: start, caller: caller)
        for task in tasks {
            // The SK's date is a day that has come on the fixture's clock.
            let records = task.kind == .decree ? ["decree_number": "1/2026", "decree_date": "2026-01-05"] : [:]
            _ = try await service.completeTask(task.id, records: records, caller: caller)
        }
        #expect(try await service.workflow(first.id).0.state == .completed)
        #expect(try await service.cadre(cadres[0].id).status == .completed)

        let (second, _) = try await service.startWorkflow(
            program: "kpmd", version: nil, cadres: [cadres[1].id], startDate: start, caller: caller)
        let (cancelled, cancelledTasks) = try await service.cancelWorkflow(second.id, reason: "moved away", caller: caller)
        #expect(cancelled.state == .cancelled)
        #expect(cancelledTasks.allSatisfy { $0.state == .cancelled })
        await #expect(throws: EngineError.self) { try await service.cancelWorkflow(second.id, reason: "", caller: caller) }
    }

    @Test func printsTheVillagesKaderBook() async throws {
        _ = try await register(["Ni Luh Putu", "I Made Suta"], village: bali)
        _ = try await register(["Yohanes"], village: papua)
        let book = try await service.kaderBook(village: try RegionCode(bali))
        #expect(book.rows.map(\.number) == [1, 2])
        #expect(book.rows.map(\.name) == ["Ni Luh Putu", "I Made Suta"])
        #expect(book.rows[0].age == 36)
        #expect(book.rows[0].sex == "P")
        #expect(book.rows[0].educationAndCourses == "SMA; Pelatihan posyandu")
        #expect(book.rows[0].remarks == "Calon KPMD")
        #expect(KaderBook.columns == [
            "No. Urut", "Nama", "Umur", "Jenis Kelamin", "Pendidikan/Kursus", "Bidang", "Alamat", "Keterangan",
        ])
        await #expect(throws: EngineError.notFound(what: "village", id: "51.03.01.2999")) {
            try await service.kaderBook(village: try RegionCode("51.03.01.2999"))
        }
    }
}
