import Foundation
import KaderCore
import Testing

@Suite struct ProgramFileTests {
    @Test func theDefaultProgramIsTheKPMDCurriculum() throws {
        let program = try BundledPrograms.defaultProgram()
        #expect(program.id == "kpmd")
        // No graduation: the KPMD are Kader Desa from their decree; the evaluation ends it.
        #expect(program.steps.map(\.kind) == [.identification, .deliberation, .decree, .training, .mentoringVisit, .evaluation])
        #expect(program.step("training")?.durationDays == 5)
        #expect(program.step("decree")?.records == ["decree_number", "decree_date"])
        #expect(program.step("mentoring")?.recurrence?.description == "FREQ=MONTHLY;BYDAY=1TU;COUNT=6")
        #expect(program.villageKinds == [.desa, .desaAdat], "a kelurahan has no Musyawarah Desa and no Kepala Desa")
        #expect(program.problems.isEmpty)
    }

    @Test func theKPMProgramIsTheStuntingConvergenceYear() throws {
        let program = try #require(try BundledPrograms.program(id: "kpm"))
        #expect(program.id == "kpm")
        #expect(program.villageKinds == [.desa, .desaAdat])
        #expect(program.steps.map(\.id) == [
            "identification", "selection", "appointment", "training", "targets", "monitoring", "scorecard", "rembuk",
            "evaluation",
        ])
        #expect(program.step("appointment")?.kind == .decree)
        #expect(program.step("appointment")?.records == ["decree_number", "decree_date"])
        #expect(program.step("monitoring")?.recurrence?.description == "FREQ=MONTHLY;BYMONTHDAY=20;COUNT=12")
        #expect(program.step("scorecard")?.recurrence?.description == "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=28;COUNT=4")
        #expect(program.step("evaluation")?.after == ["monitoring", "scorecard", "rembuk"])
        #expect(program.problems.isEmpty)
    }

    @Test func everyBuiltInProgramParsesAndIsNamedByItsId() throws {
        for id in BundledPrograms.ids {
            let program = try #require(try BundledPrograms.program(id: id), "\(id)")
            #expect(program.id == id)
            #expect(BundledPrograms.file(id: id)?.source == "(built-in) \(id).toml")
        }
        #expect(try BundledPrograms.program(id: "nope") == nil)
    }

    @Test func namesFileLineAndReasonOfEveryProblem() {
        let text = """
            id = "kpmd-bali"
            version = 2
            title = "KPMD Bali"
            colour = "red"

            [[steps]]
            id = "identification"
            kind = "identification"
            title = "Identifikasi"
            duration_days = "two weeks"

            [[steps]]
            id = "visit"
            kind = "mentoring_visit"
            title = "Kunjungan"
            after = ["training"]
            recurrence = "FREQ=HOURLY"
            time = "25:00"
            """
        let refusal = #expect(throws: ProgramFile.Refusal.self) { try ProgramFile.parse(text, file: "bali.toml") }
        let lines = refusal?.description.split(separator: "\n").map(String.init) ?? []
        #expect(lines.contains("bali.toml:4: colour: unknown key (known keys: id, steps, summary, title, version, village_kinds)"))
        #expect(lines.contains("bali.toml:10: steps[0].duration_days: must be a whole number"))
        #expect(lines.contains { $0.hasPrefix("bali.toml:17: steps[1].recurrence:") })
        #expect(lines.contains("bali.toml:18: steps[1].time: '25:00' is not a time of day (HH:MM, 24-hour)"))
    }

    @Test func refusesStepsThatFollowUnknownOrLaterSteps() {
        let text = """
            id = "p"
            version = 1
            title = "P"

            [[steps]]
            id = "a"
            kind = "identification"
            title = "A"
            after = ["b"]

            [[steps]]
            id = "b"
            kind = "training"
            title = "B"
            after = ["nowhere"]
            offset_days = -1
            """
        let refusal = #expect(throws: ProgramFile.Refusal.self) { try ProgramFile.parse(text, file: "p.toml") }
        let lines = refusal?.description.split(separator: "\n").map(String.init) ?? []
        #expect(lines.contains("p.toml:9: steps[0].after: 'b' comes later; a step may only follow steps listed before it"))
        #expect(lines.contains("p.toml:15: steps[1].after: no step is called 'nowhere'"))
        #expect(lines.contains("p.toml:16: steps[1].offset_days: must be between 0 and 3650"))
    }

    @Test func reportsTOMLSyntaxErrorsWithTheirLine() {
        let refusal = #expect(throws: ProgramFile.Refusal.self) {
            try ProgramFile.parse("id = \"p\"\nversion = \n", file: "broken.toml")
        }
        #expect(refusal?.problems.first?.line == 2)
        #expect(refusal?.problems.first?.field == "toml")
    }

    @Test func requiresTheEssentials() {
        let refusal = #expect(throws: ProgramFile.Refusal.self) { try ProgramFile.parse("version = 1\n", file: "e.toml") }
        let fields = refusal?.problems.map(\.field) ?? []
        #expect(fields == ["id", "title", "steps"])
    }
}

@Suite struct ProgramFileBlackoutTests {
    private func steps(_ blackoutLines: [String?]) -> String {
        var text = "id = \"p\"\nversion = 1\ntitle = \"P\"\n"
        for (index, line) in blackoutLines.enumerated() {
            text += "\n[[steps]]\nid = \"s\(index)\"\nkind = \"training\"\ntitle = \"S\"\n"
            if let line { text += line + "\n" }
        }
        return text
    }

    @Test func readsEachStepsBlackoutPolicyWithNextDayAsTheDefault() throws {
        let program = try ProgramFile.parse(
            steps([nil, "blackout = \"previous_day\"", "blackout = \"keep\"", "blackout = \"next_day\""]), file: "p.toml")
        #expect(program.steps.map(\.blackoutPolicy) == [.nextDay, .previousDay, .keep, .nextDay])
    }

    @Test func refusesAnUnknownPolicyOrAWrongTypeWithItsLine() {
        let refusal = #expect(throws: ProgramFile.Refusal.self) {
            try ProgramFile.parse(steps(["blackout = \"skip\"", "blackout = true"]), file: "p.toml")
        }
        #expect(refusal?.description == """
            p.toml:9: steps[0].blackout: 'skip' is not a blackout policy ("next_day", "previous_day", "keep")
            p.toml:15: steps[1].blackout: must be a string
            """)
    }
}

@Suite struct ProgramFileVillageKindsTests {
    private func program(_ line: String?) -> String {
        "id = \"p\"\nversion = 1\ntitle = \"P\"\n" + (line.map { $0 + "\n" } ?? "")
            + "\n[[steps]]\nid = \"a\"\nkind = \"training\"\ntitle = \"A\"\n"
    }

    @Test func aFileThatNamesNoKindsIsForEveryKind() throws {
        let program = try ProgramFile.parse(program(nil), file: "p.toml")
        #expect(program.villageKinds == [.kelurahan, .desa, .desaAdat])
        #expect(program.isFor(.kelurahan))
    }

    @Test func readsTheKindsInTheirOwnOrderWhateverTheFileSays() throws {
        let program = try ProgramFile.parse(program("village_kinds = [\"desa_adat\", \"desa\", \"desa\"]"), file: "p.toml")
        #expect(program.villageKinds == [.desa, .desaAdat])
        #expect(!program.isFor(.kelurahan))
    }

    @Test func refusesAnUnknownKindAnEmptyListOrAWrongTypeWithItsLine() {
        for (line, message) in [
            ("village_kinds = [\"desa\", \"kota\"]", "'kota' is not a kind of village (\"kelurahan\", \"desa\", \"desa_adat\")"),
            ("village_kinds = []", "name at least one kind of village, or leave the key out for all"),
            ("village_kinds = \"desa\"", "must be a list of strings, like [\"a\", \"b\"]"),
        ] {
            let refusal = #expect(throws: ProgramFile.Refusal.self) { try ProgramFile.parse(program(line), file: "p.toml") }
            #expect(refusal?.description == "p.toml:4: village_kinds: \(message)", "\(line)")
        }
    }
}
