import KaderCore
import Testing

@Suite struct ProgramEditTests {
    let program = try! BundledPrograms.defaultProgram()

    @Test func insertsBeforeAStepWhichThenFollowsTheNewOne() throws {
        let consultation = ProgramStep(id: "tuha-peut", kind: StepKind(rawValue: "consultation"), title: "Tuha Peut")
        let edited = try program.applying([.insertBefore("decree", consultation)])
        let ids = edited.steps.map(\.id)
        #expect(ids.firstIndex(of: "tuha-peut")! + 1 == ids.firstIndex(of: "decree")!)
        #expect(edited.step("tuha-peut")?.after == ["deliberation"])
        #expect(edited.step("decree")?.after == ["tuha-peut"])
    }

    @Test func insertsAfterAStepAndMovesItsFollowers() throws {
        let coordination = ProgramStep(id: "adat", kind: StepKind(rawValue: "coordination"), title: "Koordinasi desa adat")
        let edited = try program.applying([.insertAfter("identification", coordination)])
        #expect(edited.step("adat")?.after == ["identification"])
        #expect(edited.step("deliberation")?.after == ["adat"])
    }

    @Test func renamesRemovesAndLengthens() throws {
        let edited = try program.applying([
            .rename(step: "decree", title: "SK Keuchik"), .remove(step: "mentoring"), .lengthen(step: "training", days: 2),
        ])
        #expect(edited.step("decree")?.title == "SK Keuchik")
        #expect(edited.step("mentoring") == nil)
        #expect(edited.step("evaluation")?.after == ["training"], "what followed the removed step follows its predecessor")
        #expect(edited.step("training")?.durationDays == 7)
    }

    @Test func refusesEditsThatDoNotFit() {
        #expect(throws: ProgramEditError(description: "program kpmd has no step 'nope'")) {
            try program.applying([.rename(step: "nope", title: "x")])
        }
        #expect(throws: ProgramEditError.self) {
            try program.applying([.insertBefore("decree", ProgramStep(id: "decree", kind: .decree, title: "again"))])
        }
        #expect(throws: ProgramEditError.self) { try program.applying([.lengthen(step: "training", days: 0)]) }
        #expect(throws: ProgramEditError.self) { try program.applying([.rename(step: "decree", title: "")]) }
    }
}
