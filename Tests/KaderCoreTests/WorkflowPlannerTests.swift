import Foundation
import KaderCore
import Testing

@Suite struct WorkflowPlannerTests {
    let program = try! BundledPrograms.defaultProgram()
    let sulawesiSelatan = RegionDirectory.shared.province(try! RegionCode("73"))!
    let bali = RegionDirectory.shared.province(try! RegionCode("51"))!
    let jawaTimur = RegionDirectory.shared.province(try! RegionCode("35"))!
    let makassar = TimeZone(identifier: "Asia/Makassar")!

    private func local(_ date: Date, _ zone: TimeZone) -> String {
        LocalDateTime(date, in: zone).description
    }

    private func at(_ text: String) -> LocalDateTime { try! LocalDateTime(parsing: text) }

    /// A program of one step, then one that follows it the same day it ends.
    private func program(blackout: BlackoutPolicy, time: TimeOfDay = ProgramStep.defaultTime, recurrence: String? = nil)
        -> Program
    {
        Program(
            id: "p", version: 1, title: "P",
            steps: [
                ProgramStep(
                    id: "visit", kind: .mentoringVisit, title: "Kunjungan", durationDays: 2, time: time,
                    recurrence: recurrence.map { try! RecurrenceRule(parsing: $0) }, blackoutPolicy: blackout),
                ProgramStep(id: "evaluation", kind: .evaluation, title: "Evaluasi", after: ["visit"], blackoutPolicy: .keep),
            ])
    }

    @Test func plansTheDefaultProgramInTheVillagesTime() throws {
        let plan = try WorkflowPlanner.plan(
            program, start: LocalDate(parsing: "2026-01-05"), province: sulawesiSelatan, blackouts: .national)
        #expect(plan.count == 11, "five single steps and six mentoring visits")
        #expect(plan.allSatisfy { $0.shift == nil }, "no task of this plan opens on a holiday")
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
        // Evaluation follows the last visit and closes the program: there is no graduation.
        #expect(local(byStep["evaluation"]![0].windowStart, makassar) == "2026-09-18T09:00:00")
        #expect(plan.last?.stepID == "evaluation")
        #expect(zip(plan, plan.dropFirst()).allSatisfy { $0.windowStart <= $1.windowStart })
    }

    @Test func plansTheKPMYearInTheVillagesTime() throws {
        let kpm = try #require(try BundledPrograms.program(id: "kpm"))
        let plan = try WorkflowPlanner.plan(
            kpm, start: LocalDate(parsing: "2026-01-05"), province: bali, blackouts: .national)
        #expect(plan.count == 23, "seven single steps, twelve monthly reports, four quarterly scorecards")
        let byStep = Dictionary(grouping: plan, by: \.stepID)
        func opens(_ step: String) -> [String] { byStep[step]!.map { local($0.windowStart, makassar) } }
        #expect(opens("identification") == ["2026-01-05T09:00:00"])
        #expect(opens("selection") == ["2026-01-26T09:00:00"], "the Musyawarah Desa 7 days after 14 of identification")
        #expect(opens("appointment") == ["2026-01-30T09:00:00"])
        #expect(opens("training") == ["2026-02-27T08:00:00"])
        #expect(opens("targets") == ["2026-03-09T09:00:00"])
        // From the end of the listing (23 March): the 20th of each month, a year of them.
        #expect(opens("monitoring") == (4...12).map { "2026-\($0 < 10 ? "0" : "")\($0)-20T09:00:00" }
            + (1...3).map { "2027-0\($0)-20T09:00:00" })
        // The end of each calendar quarter, from 30 days after the listing; 28 March 2027 is
        // Easter Sunday (Kebangkitan Yesus Kristus), so the last one opens the next day.
        #expect(opens("scorecard") == [
            "2026-06-28T09:00:00", "2026-09-28T09:00:00", "2026-12-28T09:00:00", "2027-03-29T09:00:00",
        ])
        #expect(byStep["scorecard"]![3].shift?.original == at("2027-03-28T09:00:00"))
        #expect(opens("rembuk") == ["2026-05-22T09:00:00"])
        // The evaluation follows the last of the reports, scorecards and the rembuk.
        #expect(opens("evaluation") == ["2027-04-19T09:00:00"])
    }

    @Test func theSameLocalTimeIsTwoHoursApartInPapuaAndAceh() throws {
        let start = try LocalDate(parsing: "2026-03-02")
        let papua = try WorkflowPlanner.plan(
            program, start: start, province: RegionDirectory.shared.province(RegionCode("91"))!, blackouts: .national)
        let aceh = try WorkflowPlanner.plan(
            program, start: start, province: RegionDirectory.shared.province(RegionCode("11"))!, blackouts: .national)
        for (wit, wib) in zip(papua, aceh) {
            #expect(wib.windowStart.timeIntervalSince(wit.windowStart) == 2 * 3600)
        }
    }

    @Test func nextDayMovesATaskOffAHolidayAndTheFollowingStepsWithIt() throws {
        // 17 August 2026, Hari Kemerdekaan, is a Monday.
        let plan = try WorkflowPlanner.plan(
            program(blackout: .nextDay), start: LocalDate(parsing: "2026-08-17"), province: sulawesiSelatan,
            blackouts: .national)
        #expect(local(plan[0].windowStart, makassar) == "2026-08-18T09:00:00")
        #expect(local(plan[0].windowEnd, makassar) == "2026-08-20T09:00:00", "the window keeps its length")
        #expect(plan[0].shift?.original == at("2026-08-17T09:00:00"))
        #expect(plan[0].shift?.blackout.name == "Hari Kemerdekaan Republik Indonesia")
        #expect(local(plan[1].windowStart, makassar) == "2026-08-20T09:00:00", "evaluation follows the moved visit")
        #expect(plan[1].shift == nil)
    }

    @Test func previousDayMovesATaskBeforeAllTheDaysOfLebaran() throws {
        // 18–24 March 2026 are all blackouts: Nyepi, Idul Fitri and their cuti bersama.
        let plan = try WorkflowPlanner.plan(
            program(blackout: .previousDay), start: LocalDate(parsing: "2026-03-22"), province: sulawesiSelatan,
            blackouts: .national)
        #expect(local(plan[0].windowStart, makassar) == "2026-03-17T09:00:00")
        #expect(plan[0].shift?.original == at("2026-03-22T09:00:00"))
        #expect(plan[0].shift?.blackout.name == "Hari kedua dari Hari Raya Idul Fitri")
    }

    @Test func keepLeavesATaskOnItsHoliday() throws {
        let plan = try WorkflowPlanner.plan(
            program(blackout: .keep), start: LocalDate(parsing: "2026-12-25"), province: sulawesiSelatan,
            blackouts: .national)
        #expect(local(plan[0].windowStart, makassar) == "2026-12-25T09:00:00")
        #expect(plan[0].shift == nil)
    }

    @Test func eachOccurrenceOfARecurringStepMovesOnItsOwnAndWeekendsAreAllowed() throws {
        // Fridays: 25 December 2026 (Natal) moves to Saturday the 26th, 1 January 2027 to the 2nd.
        let plan = try WorkflowPlanner.plan(
            program(blackout: .nextDay, recurrence: "FREQ=WEEKLY;BYDAY=FR;COUNT=4"), start: LocalDate(parsing: "2026-12-18"),
            province: sulawesiSelatan, blackouts: .national)
        let visits = plan.filter { $0.stepID == "visit" }
        #expect(visits.map { local($0.windowStart, makassar) } == [
            "2026-12-18T09:00:00", "2026-12-26T09:00:00", "2027-01-02T09:00:00", "2027-01-08T09:00:00",
        ])
        #expect(visits.map { $0.shift?.blackout.name } == [nil, "Hari Raya Natal", "Tahun Baru Masehi", nil])
    }

    @Test func nyepiInBaliMovesOnlyTasksThatOpenWithinItsHours() throws {
        var blackouts = BlackoutCalendar()
        try blackouts.add("Nyepi", from: at("2026-03-19T06:00:00"), until: at("2026-03-20T06:00:00"), in: bali.code, source: .plugin("bali"))
        let start = try LocalDate(parsing: "2026-03-20")
        let early = try WorkflowPlanner.plan(
            program(blackout: .nextDay, time: TimeOfDay(hour: 5, minute: 0)), start: start, province: bali, blackouts: blackouts)
        #expect(local(early[0].windowStart, makassar) == "2026-03-21T05:00:00")
        #expect(early[0].shift?.blackout.name == "Nyepi")
        let late = try WorkflowPlanner.plan(program(blackout: .nextDay), start: start, province: bali, blackouts: blackouts)
        #expect(local(late[0].windowStart, makassar) == "2026-03-20T09:00:00")
        let jakarta = TimeZone(identifier: "Asia/Jakarta")!
        let elsewhere = try WorkflowPlanner.plan(
            program(blackout: .nextDay, time: TimeOfDay(hour: 5, minute: 0)), start: start, province: jawaTimur,
            blackouts: blackouts)
        #expect(local(elsewhere[0].windowStart, jakarta) == "2026-03-20T05:00:00", "Nyepi's hours are Bali's alone")
    }
}
