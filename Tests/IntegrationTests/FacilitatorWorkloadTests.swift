import Foundation
import KaderCore
import KaderRPC
import KaderTesting
import Testing

/// A Pendamping Lokal Desa covers about four villages: their mentoring visits spread over
/// the first week of each month instead of four on one Tuesday, and what cannot fit is
/// flagged, never silently double-booked.
@Suite struct FacilitatorWorkloadTests {
    /// How far a visit may move from its planned day (kpmd.toml: `flex_days`).
    static let flexDays = 2

    struct Visit {
        let task: String
        let village: String
        let day: LocalDate
        let planned: LocalDate
        let conflict: String?
    }

    /// The five desa of one district (Mengwi, Badung), and a session with a facilitator covering it.
    private func setUp() async throws -> (KaderctlSession, facilitator: String, villages: [String]) {
        let ctl = try await KaderctlSession()
        let found = try await ctl.json(["region", "search", "51.03.02", "--level", "village", "--limit", "200"])
        let desa = (found["regions"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue }
            .filter { $0.split(separator: ".").last?.first == "2" }
        try #require(desa.count >= 5)
        let facilitator = try #require(
            try await ctl.json(["facilitator", "register", "--name", "Komang Ardana", "--role", "pendamping_lokal_desa"])[
                "facilitator"]?["id"]?.stringValue)
        let assigned = try await ctl.run([
            "facilitator", "assign", facilitator, "--region", "51.03.02", "--from", "\(TestCalendar.today(in: "51"))",
        ])
        try #require(assigned.status == 0, "\(assigned.stderr)")
        return (ctl, facilitator, Array(desa.prefix(5)))
    }

    private func start(_ ctl: KaderctlSession, village: String, on day: String) async throws -> String {
        let cadre = try await ctl.register("Kader \(village)", sex: "P", born: 1990, field: "kesehatan", village: village)
        let started = try await ctl.json(["workflow", "start", "--cadre", cadre, "--start-date", day])
        return try #require(started["workflow"]?["id"]?.stringValue)
    }

    /// The mentoring visits the facilitator attends, with the day each was planned on.
    private func visits(_ ctl: KaderctlSession, facilitator: String) async throws -> [Visit] {
        let tasks = try await ctl.json(["task", "list", "--facilitator", facilitator, "--all"])["tasks"]?.arrayValue ?? []
        var visits: [Visit] = []
        for task in tasks where task["step"] == "mentoring" {
            let id = try #require(task["id"]?.stringValue)
            let day = try LocalDate(parsing: String(try #require(task["window_start"]?.stringValue).prefix(10)))
            let history = try await ctl.json(["task", "show", id])["history"]?.arrayValue ?? []
            let planned = history.first?["detail"]?["balanced_from"]?.stringValue.flatMap { try? LocalDate(parsing: $0) }
            visits.append(
                Visit(
                    task: id, village: task["village"]?.stringValue ?? "", day: day, planned: planned ?? day,
                    conflict: task["conflict"]?.stringValue))
        }
        return visits
    }

    /// The days a visit planned on `day` may take: Monday to Friday, no national holiday.
    private func freeDays(around day: LocalDate) -> [LocalDate] {
        (-Self.flexDays...Self.flexDays).map { day.adding(days: $0) }.filter { candidate in
            ![Weekday.saturday, .sunday].contains(candidate.weekday) && TestCalendar.nationalHoliday(candidate, in: "51") == nil
        }
    }

    @Test func fourVillagesVisitsLandOnDifferentWorkingDaysAndAFifthIsFlagged() async throws {
        let (ctl, facilitator, villages) = try await setUp()
        let startDay = TestDays.string(TestDays.firstOfNextMonth)
        for village in villages.prefix(4) { _ = try await start(ctl, village: village, on: startDay) }

        let four = try await visits(ctl, facilitator: facilitator)
        #expect(four.count == 24)
        let months = Dictionary(grouping: four) { $0.planned }
        #expect(months.count == 6, "the four villages' visits share their planned days: \(months.keys.sorted())")
        for (planned, group) in months {
            let free = freeDays(around: planned)
            let placed = group.filter { $0.conflict == nil }
            // Every visit that fits is on its own free working day within its tolerance.
            #expect(Set(placed.map(\.day)).count == placed.count, "double-booked around \(planned)")
            #expect(placed.allSatisfy { free.contains($0.day) }, "\(placed.map(\.day)) not within \(free)")
            #expect(group.count - placed.count == max(0, 4 - free.count), "around \(planned): \(free.count) free days")
        }
        if months.keys.allSatisfy({ freeDays(around: $0).count >= 4 }) {
            #expect(Set(four.map(\.day)).count == 24, "24 visits on 24 different days")
        }

        // A fifth village: its visits find no room (four days, four villages) and say so.
        _ = try await start(ctl, village: villages[4], on: startDay)
        let five = try await visits(ctl, facilitator: facilitator)
        let fifth = five.filter { $0.village == villages[4] }
        #expect(fifth.count == 6)
        #expect(fifth.allSatisfy { $0.conflict?.contains("Komang Ardana (\(facilitator))") == true }, "\(fifth.map(\.conflict))")
        #expect(five.filter { $0.village != villages[4] }.map(\.day) == four.map(\.day), "the others did not move")
        // The list of conflicts marks each; the trainings, which may not move (flex_days 0),
        // all open on one day, so all but one are conflicts too, or all five when that day
        // is not one the facilitator works.
        let flagged = try await ctl.run(["task", "list", "--facilitator", facilitator, "--conflicts", "--all"])
        let rows = flagged.stdout.split(separator: "\n").dropFirst()
        #expect(rows.allSatisfy { $0.contains(" ! ") }, "\(flagged.stdout)")
        #expect(rows.filter { $0.contains(" ! Kunjungan") }.count == five.filter { $0.conflict != nil }.count)
        let trainings = try await ctl.json(["task", "list", "--facilitator", facilitator, "--all"])["tasks"]?.arrayValue?
            .filter { $0["step"] == "training" } ?? []
        let trainingDay = try LocalDate(parsing: String(try #require(trainings.first?["window_start"]?.stringValue).prefix(10)))
        let worked = freeDays(around: trainingDay).contains(trainingDay)
        #expect(rows.filter { $0.contains(" ! Pelatihan") }.count == (worked ? 4 : 5), "training on \(trainingDay): \(flagged.stdout)")

        // A conflicted visit moved by hand to a day nobody else has is no longer a conflict;
        // one moved onto another village's day becomes one.
        let stuck = try #require(fifth.first)
        let taken = Set(five.map(\.day))
        let freeDay = try #require(
            (3...9).map { stuck.planned.adding(days: $0) }.first { day in
                !taken.contains(day) && ![Weekday.saturday, .sunday].contains(day.weekday)
                    && TestCalendar.nationalHoliday(day, in: "51") == nil
            })
        let resolved = try await ctl.json(["task", "reschedule", stuck.task, "--to", "\(freeDay)", "--reason", "hari Jumat"])
        #expect(resolved["task"] != nil && resolved["task"]?["conflict"] == nil, "\(resolved)")
        let placed = try #require(four.first { $0.conflict == nil && $0.village == villages[0] })
        let clash = try #require(four.first { $0.planned == placed.planned && $0.village == villages[1] && $0.conflict == nil })
        let doubled = try await ctl.json(["task", "reschedule", placed.task, "--to", "\(clash.day)"])
        #expect(doubled["task"]?["conflict"]?.stringValue?.contains("attends 1 other village on \(clash.day)") == true, "\(doubled)")

        // The agenda, day by day in the village's time; the same tasks in the phone's file.
        let first = try #require(five.map(\.day).min())
        let last = try #require(five.map(\.day).max())
        let agenda = try await ctl.run(["facilitator", "agenda", facilitator, "--from", "\(first)", "--to", "\(last)"])
        #expect(agenda.status == 0, "\(agenda.stderr)")
        let lines = agenda.stdout.split(separator: "\n")
        #expect(lines.first == "Agenda of Komang Ardana (\(facilitator)), \(first) to \(last)")
        #expect(lines.filter { $0.hasPrefix("  ") && $0.contains("Kunjungan pendampingan KPMD") }.count == 30)
        #expect(lines.filter { $0.hasPrefix("  ! ") && $0.contains("Kunjungan") }.count == five.filter { $0.conflict != nil }.count)
        #expect(lines.contains { $0.contains("09:00 WITA") && $0.contains("(Kader \(villages[0]))") })
        let ics = try await ctl.run(["calendar", "export", "--facilitator", facilitator, "--from", "\(first)", "--to", "\(last)"])
        #expect(ics.stdout.components(separatedBy: "BEGIN:VEVENT").count - 1 == 30)
    }

    @Test func reassigningAVillageMovesOnlyItsFutureVisitsAndSaysWhy() async throws {
        let (ctl, komang, villages) = try await setUp()
        let startDay = TestDays.string(TestDays.firstOfNextMonth)
        var workflows: [String: String] = [:]
        for village in villages.prefix(4) { workflows[village] = try await start(ctl, village: village, on: startDay) }
        let before = try await visits(ctl, facilitator: komang)

        let made = try #require(
            try await ctl.json(["facilitator", "register", "--name", "Made Wirawan", "--role", "pendamping_lokal_desa"])[
                "facilitator"]?["id"]?
                .stringValue)
        let moved = villages[0]
        let reassigned = try await ctl.json([
            "facilitator", "assign", made, "--region", moved, "--from", "\(TestCalendar.today(in: "51"))",
            "--reason", "pembagian wilayah baru",
        ])
        #expect(reassigned["workflows"] == [.string(try #require(workflows[moved]))])

        let komangNow = try await visits(ctl, facilitator: komang)
        let madeNow = try await visits(ctl, facilitator: made)
        #expect(Set(madeNow.map(\.task)) == Set(before.filter { $0.village == moved }.map(\.task)))
        #expect(komangNow.map(\.task) == before.filter { $0.village != moved }.map(\.task))
        #expect(komangNow.map(\.day) == before.filter { $0.village != moved }.map(\.day), "the other villages keep their days")
        // Made has no other village: each visit goes back to its planned day.
        #expect(madeNow.allSatisfy { $0.conflict == nil && freeDays(around: $0.planned).contains($0.day) })
        let history = try await ctl.json(["task", "show", try #require(madeNow.first?.task)])["history"]?.arrayValue ?? []
        let entry = try #require(history.last)
        #expect(entry["action"] == "reassigned")
        #expect(entry["detail"]?["from_facilitator"] == .string(komang))
        #expect(entry["detail"]?["reason"] == "village reassigned to Made Wirawan: pembagian wilayah baru")
        let workflowHistory = try await ctl.json(["workflow", "show", try #require(workflows[moved])])
        #expect(workflowHistory["workflow"]?["facilitator_id"] == .string(made))
    }
}
