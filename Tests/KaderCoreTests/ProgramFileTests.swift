import Foundation
import KaderCore
import Testing

@Suite struct ProgramFileTests {
    @Test func theDefaultProgramIsTheKPMDCurriculum() throws {
        let program = try BundledPrograms.defaultProgram()
        #expect(program.id == "kpmd")
        #expect(program.steps.map(\.kind) == StepKind.builtIn)
        #expect(program.step("training")?.durationDays == 5)
        #expect(program.step("decree")?.records == ["decree_number", "decree_date"])
        #expect(program.step("mentoring")?.recurrence?.description == "FREQ=MONTHLY;BYDAY=1TU;COUNT=6")
        #expect(program.problems.isEmpty)
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
        #expect(lines.contains("bali.toml:4: colour: unknown key (known keys: id, steps, summary, title, version)"))
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
