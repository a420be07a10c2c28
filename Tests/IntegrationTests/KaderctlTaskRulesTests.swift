import Foundation
import KaderCore
import KaderRPC
import KaderTesting
import Testing

/// What the program's order and the calendar say, enforced on what people record: nothing
/// that cannot have happened gets into the register without a reason that says it did.
@Suite struct KaderctlTaskRulesTests {
    /// A cadre in a Papua desa with a KPMD workflow starting next month.
    struct Run {
        let ctl: KaderctlSession
        let cadre: String
        let workflow: String
        let tasks: [JSONValue]

        /// `blackouts`: the text of a blackout file the daemon reads (blackout_dirs), if any.
        init(region: String = "91.03", blackouts: String? = nil) async throws {
            if let blackouts {
                let directory = TemporaryDirectory()
                let folder = directory.file("blackouts")
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try blackouts.write(toFile: folder + "/test.toml", atomically: true, encoding: .utf8)
                // Not kaderd.toml: KaderdProcess writes its empty config there.
                let config = directory.file("blackouts-config.toml")
                try "blackout_dirs = [\"\(folder)\"]\n".write(toFile: config, atomically: true, encoding: .utf8)
                ctl = try KaderctlSession(daemon: await KaderdProcess(directory: directory, arguments: ["--config", config]))
            } else {
                ctl = try await KaderctlSession()
            }
            let village = try await ctl.desa(under: region)
            cadre = try await ctl.register("Maria Ohee", sex: "P", born: 1992, field: "kesehatan", village: village.code)
            let started = try await ctl.json([
                "workflow", "start", "--cadre", cadre, "--start-date", TestDays.string(TestDays.firstOfNextMonth),
            ])
            workflow = try #require(started["workflow"]?["id"]?.stringValue)
            tasks = started["tasks"]?.arrayValue ?? []
        }

        func task(_ step: String, _ occurrence: Int = 1) throws -> JSONValue {
            try #require(tasks.first { $0["step"] == .string(step) && $0["occurrence"]?.intValue == occurrence })
        }

        func id(_ step: String, _ occurrence: Int = 1) throws -> String {
            try #require(try task(step, occurrence)["id"]?.stringValue)
        }

        func state(_ id: String) async throws -> JSONValue? {
            try await ctl.json(["task", "show", id])["task"]?["state"]
        }

        func cadreStatus() async throws -> JSONValue? {
            try await ctl.json(["cadre", "show", cadre])["cadre"]?["status"]
        }
    }

    @Test func theTrainingCannotBeDoneBeforeTheDecreeUnlessForcedWithAReason() async throws {
        let run = try await Run()
        let training = try run.id("training")
        let refused = try await run.ctl.run(["task", "complete", training, "--note", "selesai"])
        #expect(refused.status == 80)
        #expect(refused.stderr.contains("cannot be completed before the steps it comes after have ended: decree \(try run.id("decree")) is scheduled"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--force --reason"))
        #expect(try await run.state(training) == "scheduled")
        let notStarted = try await run.ctl.run(["task", "start", training])
        #expect(notStarted.status == 80)
        #expect(try await run.state(training) == "scheduled")

        let noReason = try await run.ctl.run(["task", "complete", training, "--force"])
        #expect(noReason.status == 64)
        #expect(noReason.stderr.contains("--force needs a --reason"))

        let forced = try await run.ctl.run(["task", "complete", training, "--force", "--reason", "pelatihan gabungan kecamatan"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let moved = try await run.ctl.json(["task", "show", training])["history"]?.arrayValue?.last
        #expect(moved?["detail"]?["forced"] == "pelatihan gabungan kecamatan")
        #expect(moved?["detail"]?["before"] == .string(try run.id("decree")))
        // The decree was not recorded: the cadre is still a candidate.
        #expect(try await run.cadreStatus() == "candidate")
    }

    @Test func aDecreeIsRecordedInTheRightOrderWithItsOwnKeysAndADateThatHasCome() async throws {
        let run = try await Run()
        for step in ["identification", "deliberation"] {
            let done = try await run.ctl.run(["task", "complete", try run.id(step)])
            #expect(done.status == 0, "\(step): \(done.stderr)")
        }
        let decree = try run.id("decree")
        let today = TestCalendar.today(in: "91")
        let later = try LocalDate(year: today.year + 4, month: today.month, day: min(today.day, 28))

        let future = try await run.ctl.run([
            "task", "complete", decree, "--record", "decree_number=141/07/\(later.year)", "--record", "decree_date=\(later)",
        ])
        #expect(future.status == 65)
        #expect(future.stderr.contains("records.decree_date: \(later) is in the future: it is \(today) in "), "\(future.stderr)")
        #expect(try await run.state(decree) == "scheduled")
        #expect(try await run.cadreStatus() == "candidate")

        let typo = try await run.ctl.run([
            "task", "complete", decree, "--record", "decree_nmber=141/07/\(today.year)", "--record", "decree_date=\(today)",
        ])
        #expect(typo.status == 65)
        #expect(typo.stderr.contains("records.decree_nmber: is not recorded by decree: it records decree_number, decree_date; did you mean decree_number?"), "\(typo.stderr)")
        #expect(typo.stderr.contains("records.decree_number: is required"))
        #expect(try await run.state(decree) == "scheduled")

        let done = try await run.ctl.run([
            "task", "complete", decree, "--record", "decree_number=141/07/\(today.year)", "--record", "decree_date=\(today)",
        ])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(try await run.cadreStatus() == "active")
        // Now the training may start: its step came after the decree.
        #expect(try await run.ctl.run(["task", "start", try run.id("training")]).status == 0)
    }

    @Test func noWorkflowStartsForAnInactiveCadre() async throws {
        let ctl = try await KaderctlSession()
        let village = try await ctl.desa(under: "91.03")
        let id = try await ctl.register("Yohanis Wenda", sex: "L", born: 1985, field: "ekonomi", village: village.code)
        #expect(try await ctl.run(["cadre", "update", id, "--status", "inactive"]).status == 0)
        let refused = try await ctl.run(["workflow", "start", "--cadre", id, "--start-date", TestDays.string(TestDays.firstOfNextMonth)])
        #expect(refused.status == 80)
        #expect(refused.stderr.contains("Cadre \(id) (Yohanis Wenda) is inactive"), "\(refused.stderr)")
        #expect(try await ctl.json(["workflow", "list", "--cadre", id])["workflows"]?.arrayValue?.isEmpty == true)
    }

    @Test func aVisitCannotBeMovedPastTheVisitsAfterIt() async throws {
        let run = try await Run()
        let second = try run.task("mentoring", 2)
        let sixth = try run.task("mentoring", 6)
        let sixthDay = try LocalDate(parsing: String(try #require(sixth["window_start"]?.stringValue).prefix(10)))
        let refused = try await run.ctl.run([
            "task", "reschedule", try run.id("mentoring", 2), "--to", sixthDay.adding(days: 1).description, "--reason", "hujan",
        ])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("is not before mentoring 3/6 (\(try run.id("mentoring", 3))"), "\(refused.stderr)")
        let after = try await run.ctl.json(["task", "show", try run.id("mentoring", 2)])["task"]
        #expect(after?["window_start"] == second["window_start"])

        let backwards = try await run.ctl.run([
            "task", "reschedule", try run.id("mentoring", 3), "--to",
            String(try #require(second["window_start"]?.stringValue).prefix(10)),
        ])
        #expect(backwards.status == 65)
        #expect(backwards.stderr.contains("is not after mentoring 2/6"), "\(backwards.stderr)")
    }

    @Test func aTaskIsNotMovedOntoIndependenceDayWithoutForce() async throws {
        let today = TestCalendar.today(in: "91")
        let year = (today.month, today.day) >= (8, 17) ? today.year + 1 : today.year
        let independenceDay = try LocalDate(year: year, month: 8, day: 17)
        // Past the shipped holidays' last year (from the run three years ahead in 2029 on),
        // the day comes from a blackout file, as an operator would add it.
        let known = TestCalendar.nationalHoliday(independenceDay, in: "91") == "Hari Kemerdekaan Republik Indonesia"
        let run = try await Run(
            blackouts: known
                ? nil : "[[blackout]]\nname = \"Hari Kemerdekaan Republik Indonesia\"\nfrom = \"\(independenceDay)\"\nnation = true\n")
        let identification = try run.id("identification")
        let planned = try run.task("identification")["window_start"]

        let refused = try await run.ctl.run(["task", "reschedule", identification, "--to", independenceDay.description])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("\(independenceDay) is Hari Kemerdekaan Republik Indonesia, a blackout in Papua"), "\(refused.stderr)")
        #expect(try await run.ctl.json(["task", "show", identification])["task"]?["window_start"] == planned)

        let forced = try await run.ctl.run([
            "task", "reschedule", identification, "--to", independenceDay.description, "--force", "--reason", "lomba desa 17-an",
        ])
        #expect(forced.status == 0, "\(forced.stderr)")
        let shown = try await run.ctl.json(["task", "show", identification])
        #expect(shown["task"]?["window_start"]?.stringValue?.hasPrefix(independenceDay.description) == true)
        let entry = shown["history"]?.arrayValue?.last
        #expect(entry?["action"] == "rescheduled")
        #expect(entry?["detail"]?["blackout"] == "Hari Kemerdekaan Republik Indonesia")
        #expect(entry?["detail"]?["forced"] == "lomba desa 17-an")
    }
}
