import Foundation
import KaderCore
import Testing

@Suite struct WorkflowPlannerTests {
    let program = try! BundledPrograms.defaultProgram()
    let makassar = TimeZone(identifier: "Asia/Makassar")!

    private func local(_ date: Date, _ zone: TimeZone) -> String {
        LocalDateTime(date, in: zone).description
    }

    @Test func plansTheDefaultProgramInTheVillagesTime() throws {
        let plan = try WorkflowPlanner.plan(program, start: LocalDate(parsing: "2026-01-05"), zone: makassar)
        #expect(plan.count == 12, "six single steps and six mentoring visits")
        let byStep = Dictionary(grouping: plan, by: \.stepID)
        // Identification opens on the start date at 09:00 and lasts 14 days.
        #expect(local(byStep["identification"]![0].windowStart, makassar) == "2026-01-05T09:00:00")
        #expect(local(byStep["identification"]![0].windowEnd, makassar) == "2026-01-19T09:00:00")
        // The Musyawarah Desa follows 7 days after identification ends.
        #expect(local(byStep["deliberation"]![0].windowStart, makassar) == "2026-01-26T09:00:00")
        // The decree 3 days after the deliberation's day; training 14 days after the decree window, at 08:00, 5 days.
        #expect(local(byStep["decree"]![0].windowStart, makassar) == "2026-01-30T09:00:00")
        let training = byStep["training"]![0]
        #expect(local(training.windowStart, makassar) == "2026-02-27T08:00:00")
        #expect(training.windowEnd.timeIntervalSince(training.windowStart) == 5 * 86_400)
        // Six monthly visits on the first Tuesday, from 30 days after the training ends.
        let visits = byStep["mentoring"]!
        #expect(visits.map(\.occurrence) == [1, 2, 3, 4, 5, 6])
        #expect(visits.allSatisfy { $0.occurrences == 6 })
        #expect(visits.map { local($0.windowStart, makassar) } == [
            "2026-04-07T09:00:00", "2026-05-05T09:00:00", "2026-06-02T09:00:00",
            "2026-07-07T09:00:00", "2026-08-04T09:00:00", "2026-09-01T09:00:00",
        ])
        // Evaluation follows the last visit; graduation closes the program.
        #expect(local(byStep["evaluation"]![0].windowStart, makassar) == "2026-09-18T09:00:00")
        #expect(plan.last?.stepID == "graduation")
        #expect(zip(plan, plan.dropFirst()).allSatisfy { $0.windowStart <= $1.windowStart })
    }

    @Test func theSameLocalTimeIsTwoHoursApartInPapuaAndAceh() throws {
        let start = try LocalDate(parsing: "2026-03-02")
        let papua = try WorkflowPlanner.plan(program, start: start, zone: TimeZone(identifier: "Asia/Jayapura")!)
        let aceh = try WorkflowPlanner.plan(program, start: start, zone: TimeZone(identifier: "Asia/Jakarta")!)
        for (wit, wib) in zip(papua, aceh) {
            #expect(wib.windowStart.timeIntervalSince(wit.windowStart) == 2 * 3600)
        }
    }
}
