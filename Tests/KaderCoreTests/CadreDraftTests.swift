import KaderCore
import Testing

@Suite struct CadreDraftTests {
    let directory = RegionDirectory.shared

    private func draft(village: String = "51.03.01.2001", birthYear: Int = 1995, name: String = "Ni Made Sari") throws
        -> CadreDraft
    {
        CadreDraft(name: name, sex: .female, birthYear: birthYear, field: "kesehatan", village: try RegionCode(village))
    }

    @Test func acceptsAWellFormedCadre() throws {
        let village = try #require(directory.children(of: RegionCode("51.03.01")).first)
        let cadre = CadreDraft(name: "Ni Made Sari", sex: .female, birthYear: 1995, field: "kesehatan", village: village.code)
        #expect(cadre.problems(directory: directory, currentYear: 2026).isEmpty)
    }

    @Test func namesEveryBadField() throws {
        let problems = try draft(village: "51.03.01.2999", birthYear: 2020, name: "  ")
            .problems(directory: directory, currentYear: 2026)
        #expect(problems.map(\.field) == ["name", "birth_year", "village"])
        #expect(problems.last?.message == "no village has the code 51.03.01.2999")
        #expect(problems[1].message == "2020 is not between 1926 and 2011")
    }

    @Test func refusesACodeThatIsNotAVillage() throws {
        let problems = try draft(village: "51.03").problems(directory: directory, currentYear: 2026)
        #expect(problems == [FieldProblem(field: "village", message: "51.03 is a regency code, not a village code")])
    }

    @Test func readsTheRegistersLettersForSex() {
        #expect(Sex(lenient: "L") == .male)
        #expect(Sex(lenient: "p") == .female)
        #expect(Sex(lenient: "Perempuan") == .female)
        #expect(Sex(lenient: "x") == nil)
        #expect(Sex.female.registerLetter == "P")
    }

    @Test func idsSayWhatTheyName() throws {
        #expect(try CadreID("cdr_abc123").rawValue == "cdr_abc123")
        #expect(throws: EntityIDError.self) { try CadreID("wf_abc123") }
        let error = #expect(throws: EntityIDError.self) { try TaskID("cdr_x") }
        #expect(error?.description == "'cdr_x' is not a task id (task ids look like tsk_…)")
    }
}
