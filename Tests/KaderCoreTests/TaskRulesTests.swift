import Foundation
import KaderCore
import Testing

@Suite struct TaskRulesTests {
    static let village = try! RegionCode("91.03.01.2004")
    static let decree = ProgramStep(
        id: "decree", kind: .decree, title: "SK", after: ["deliberation"], records: ["decree_number", "decree_date"])
    static let training = ProgramStep(id: "training", kind: .training, title: "Pelatihan", after: ["decree"])
    static let today = try! LocalDate(year: 2026, month: 12, day: 2)

    static func task(_ step: String, _ occurrence: Int = 1, of occurrences: Int = 1, state: TaskState = .scheduled, day: Int = 1)
        -> WorkflowTask
    {
        let start = Date(timeIntervalSince1970: Double(day) * 86_400)
        return WorkflowTask(
            id: .trusted("tsk_\(step)\(occurrence)"), workflowID: .trusted("wf_run"), stepID: step, kind: StepKind(rawValue: step),
            title: step, occurrence: occurrence, occurrences: occurrences, village: village, zoneIdentifier: "Asia/Jayapura",
            windowStart: start, windowEnd: start.addingTimeInterval(86_400), state: state, updatedAt: start)
    }

    @Test func aStepWaitsForEveryTaskOfTheStepsItComesAfterUntilTheyEnd() {
        let tasks = [Self.task("deliberation", state: .done), Self.task("decree"), Self.task("training")]
        #expect(TaskRules.unfinishedPredecessors(of: Self.training, among: tasks).map(\.stepID) == ["decree"])
        #expect(TaskRules.unfinishedPredecessors(of: Self.decree, among: tasks).isEmpty)
        for ended in [TaskState.done, .missed, .cancelled, .failed] {
            let settled = [Self.task("decree", state: ended), Self.task("training")]
            #expect(TaskRules.unfinishedPredecessors(of: Self.training, among: settled).isEmpty, "\(ended)")
        }
        let visits = ProgramStep(id: "evaluation", kind: .evaluation, title: "Evaluasi", after: ["mentoring"])
        let six = (1...6).map { Self.task("mentoring", $0, of: 6, state: $0 < 6 ? .done : .due) }
        #expect(TaskRules.unfinishedPredecessors(of: visits, among: six).map(\.occurrence) == [6])
    }

    @Test func recordsAreTheStepsOwnKeysAndDatesThatHaveCome() {
        func problems(_ records: [String: String], step: ProgramStep? = Self.decree) -> [String] {
            TaskRules.recordProblems(records, step: step, stepID: step?.id ?? "laporan", today: Self.today, place: "Sentani")
                .map(\.description)
        }
        #expect(problems(["decree_number": "141/1", "decree_date": "2026-12-02", "note": "di balai desa"]).isEmpty)
        #expect(problems(["decree_nmber": "141/1", "decree_date": "2026-12-01"]) == [
            "records.decree_nmber: is not recorded by decree: it records decree_number, decree_date; did you mean decree_number?",
            "records.decree_number: is required to complete decree",
        ])
        #expect(problems(["decree_number": "141/1", "decree_date": "2030-01-05"]) == [
            "records.decree_date: 2030-01-05 is in the future: it is 2026-12-02 in Sentani"
        ])
        #expect(problems(["decree_number": "141/1", "decree_date": "5/1/2026"]) == [
            "records.decree_date: '5/1/2026' is not a date (YYYY-MM-DD)"
        ])
        #expect(problems(["peserta": "12"], step: Self.training) == [
            "records.peserta: is not recorded by training: it records nothing but a note"
        ])
        // A step the program does not know (a plugin's follow-up): only its dates are checked.
        #expect(problems(["anything": "x"], step: nil).isEmpty)
        #expect(problems(["sent_date": "2027-01-01"], step: nil).count == 1)
    }

    @Test func anOccurrenceIsBoundByItsNeighboursNotByCancelledOnes() {
        let visits = (1...6).map { Self.task("mentoring", $0, of: 6, state: $0 == 3 ? .cancelled : .scheduled, day: $0 * 30) }
        let (previous, next) = TaskRules.neighbours(of: visits[1], among: visits + [Self.task("training")])
        #expect(previous?.occurrence == 1)
        #expect(next?.occurrence == 4)
        let last = TaskRules.neighbours(of: visits[5], among: visits)
        #expect(last.previous?.occurrence == 5 && last.next == nil)
    }

    @Test func theSamePersonIsFoundWhateverTheCaseAccentsAndSpacing() throws {
        let sentani = Self.village
        let registered = CadreIdentity(name: "Ni Luh Putu Ayu", sex: .female, birthYear: 1994, village: sentani)
        #expect(CadreIdentity(name: "  NI LÚH  putu ayu ", sex: .female, birthYear: 1994, village: sentani) == registered)
        #expect(CadreIdentity(name: "Ni Luh Putu Ayu", sex: .female, birthYear: 1995, village: sentani) != registered)
        #expect(CadreIdentity(name: "Ni Luh Putu Ayu", sex: .male, birthYear: 1994, village: sentani) != registered)
        #expect(CadreIdentity(name: "Ni Luh Putu Ayu", sex: .female, birthYear: 1994, village: try RegionCode("91.03.01.2005")) != registered)
        #expect(CadreIdentity(name: "Ni Luh Putri Ayu", sex: .female, birthYear: 1994, village: sentani) != registered)
    }
}
