import Foundation
import KaderCore
import Testing

/// What the planner promises for every program kaderd ships, in each of Indonesia's three
/// zones: Jawa Barat (WIB), Bali (WITA) and Papua (WIT). The starts are fixed days, which
/// is safe here: nothing reads the clock, and the holidays shipped cover them. One of them
/// is a national holiday, so the first task moves.
@Suite struct BundledProgramPlanTests {
    static let provinces = ["32", "51", "91"]
    /// A Monday; 17 August (Hari Kemerdekaan); a day of the cuti bersama of Natal.
    static let starts = ["2026-01-05", "2026-08-17", "2027-12-24"]

    private func province(_ code: String) throws -> Province {
        try #require(RegionDirectory.shared.province(RegionCode(code)))
    }

    private func plans(_ id: String, in code: String) throws -> [(start: LocalDate, plan: [PlannedTask])] {
        let program = try #require(try BundledPrograms.program(id: id))
        let province = try province(code)
        return try Self.starts.map { text in
            let start = try LocalDate(parsing: text)
            return (start, try WorkflowPlanner.plan(program, start: start, province: province, blackouts: .national))
        }
    }

    @Test(arguments: BundledPrograms.ids, provinces)
    func everyTaskOpensAtItsStepsTimeInTheVillagesZoneAndKeepsItsLength(id: String, code: String) throws {
        let program = try #require(try BundledPrograms.program(id: id))
        let zone = try province(code).timeZone
        for (start, plan) in try plans(id, in: code) {
            for task in plan {
                let step = try #require(program.step(task.stepID))
                let opening = LocalDateTime(task.windowStart, in: zone)
                #expect(opening.hour == step.time.hour && opening.minute == step.time.minute, "\(id) \(task.stepID) from \(start)")
                #expect(LocalDateTime(task.windowEnd, in: zone) == opening.adding(days: step.durationDays))
                #expect(opening.date >= start)
            }
        }
    }

    @Test(arguments: BundledPrograms.ids, provinces)
    func eachStepOpensOnlyAfterTheStepsItFollowsHaveEnded(id: String, code: String) throws {
        let program = try #require(try BundledPrograms.program(id: id))
        let zone = try province(code).timeZone
        for (start, plan) in try plans(id, in: code) {
            for step in program.steps {
                let tasks = plan.filter { $0.stepID == step.id }
                #expect(!tasks.isEmpty, "\(id) \(step.id) has tasks")
                for dependency in step.after {
                    let ended = try #require(plan.filter { $0.stepID == dependency }.map(\.windowEnd).max())
                    let earliest = LocalDateTime(ended, in: zone).date.adding(days: step.offsetDays)
                    for task in tasks {
                        #expect(
                            LocalDateTime(task.windowStart, in: zone).date >= earliest,
                            "\(id) \(step.id) opens \(step.offsetDays) days after \(dependency) ends, from \(start)")
                    }
                }
            }
            // Steps are listed in an order their dependencies allow; the first starts the plan.
            #expect(plan.first?.stepID == program.steps.first?.id)
            #expect(LocalDateTime(plan[0].windowStart, in: zone).date >= start)
        }
    }

    @Test(arguments: BundledPrograms.ids, provinces)
    func recurringStepsExpandToTheirCountInOrder(id: String, code: String) throws {
        let program = try #require(try BundledPrograms.program(id: id))
        #expect(program.steps.contains { $0.recurrence != nil }, "each built-in program has a recurring step")
        for (start, plan) in try plans(id, in: code) {
            var expected = 0
            for step in program.steps {
                let tasks = plan.filter { $0.stepID == step.id }
                guard let rule = step.recurrence else {
                    #expect(tasks.count == 1)
                    expected += 1
                    continue
                }
                guard case .count(let count) = rule.end else {
                    Issue.record("\(id) \(step.id): a built-in recurrence ends by COUNT")
                    continue
                }
                #expect(tasks.count == count, "\(id) \(step.id) from \(start)")
                #expect(tasks.map(\.occurrence) == Array(1...count))
                #expect(tasks.allSatisfy { $0.occurrences == count })
                #expect(zip(tasks, tasks.dropFirst()).allSatisfy { $0.windowStart < $1.windowStart })
                expected += count
            }
            #expect(plan.count == expected)
        }
    }

    @Test(arguments: BundledPrograms.ids, provinces)
    func noTaskOpensOnANationalBlackout(id: String, code: String) throws {
        let province = try province(code)
        var moved = 0
        for (start, plan) in try plans(id, in: code) {
            for task in plan {
                let opening = LocalDateTime(task.windowStart, in: province.timeZone)
                #expect(
                    BlackoutCalendar.national.blackout(at: opening, in: province.code) == nil,
                    "\(id) \(task.stepID) \(task.occurrence) opens on a holiday: \(opening), from \(start)")
                if let shift = task.shift {
                    moved += 1
                    #expect(shift.shifted == opening)
                    #expect(BlackoutCalendar.national.blackout(at: shift.original, in: province.code) != nil)
                }
            }
        }
        #expect(moved > 0, "a start on 17 August moves the first task at least")
    }

    /// Papua's clock is two hours ahead of Jawa Barat's: the same local plan, two hours apart.
    @Test(arguments: BundledPrograms.ids)
    func theSameLocalTimesInEveryZone(id: String) throws {
        let wib = try plans(id, in: "32")
        let wita = try plans(id, in: "51")
        let wit = try plans(id, in: "91")
        for ((jawa, bali), papua) in zip(zip(wib, wita), wit) {
            #expect(jawa.plan.count == papua.plan.count && bali.plan.count == papua.plan.count)
            for ((west, central), east) in zip(zip(jawa.plan, bali.plan), papua.plan) {
                #expect(west.windowStart.timeIntervalSince(central.windowStart) == 3600)
                #expect(west.windowStart.timeIntervalSince(east.windowStart) == 2 * 3600)
            }
        }
    }
}
