import Foundation
import KaderCore
import KaderRPC
import KaderTesting
import Testing

/// Bad input gets a clear error naming what to fix, the right exit status, and changes nothing.
@Suite struct KaderctlBadInputTests {
    @Test func refusesAnUnknownVillageAndRegistersNothing() async throws {
        let ctl = try await KaderctlSession()
        let result = try await ctl.run([
            "cadre", "register", "--name", "Ni Luh Ayu", "--sex", "P", "--birth-year", "1994", "--field", "kesehatan",
            "--village", "51.03.02.2999",
        ])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("kaderctl: village: no village has the code 51.03.02.2999\n"), "\(result.stderr)")
        let cadres = try await ctl.json(["cadre", "list"])
        #expect(cadres["cadres"]?.arrayValue?.isEmpty == true)

        let book = try await ctl.run(["report", "kader-book", "51.03.02.2999"])
        #expect(book.status == 66)
        #expect(book.stderr == "kaderctl: No village 51.03.02.2999\n")
    }

    @Test func listsEachBadFieldOnALineOfItsOwn() async throws {
        let ctl = try await KaderctlSession()
        // A six-year-old by the daemon's clock: too young to be a cadre in any year.
        let child = TestCalendar.today(in: "51").year - 6
        let result = try await ctl.run([
            "cadre", "register", "--name", "Anak", "--sex", "L", "--birth-year", "\(child)", "--field", " ",
            "--village", "51.03.02.2001",
        ])
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 3, "\(result.stderr)")
        #expect(lines.contains { $0.hasPrefix("kaderctl: birth_year: \(child) is not between ") })
        #expect(lines.contains { $0.hasPrefix("kaderctl: field: ") })
    }

    @Test func refusesADateInTheWrongFormatBeforeSendingIt() async throws {
        let ctl = try await KaderctlSession()
        let cadre = try await ctl.register("Ni Luh Ayu", sex: "P", born: 1994, field: "kesehatan", village: "51.03.02.2001")
        for wrong in ["01-12-2026", "2026/12/01", "2026-02-30"] {
            let result = try await ctl.run(["workflow", "start", "--cadre", cadre, "--start-date", wrong])
            #expect(result.status == 64)
            #expect(result.stderr.contains("'\(wrong)' is invalid for '--start-date <YYYY-MM-DD>': expected a date as YYYY-MM-DD"))
        }
        let list = try await ctl.run(["task", "list", "--from", "1 Desember"])
        #expect(list.status == 64)
        #expect(list.stderr.contains("--from"))
        let workflows = try await ctl.json(["workflow", "list"])
        #expect(workflows["workflows"]?.arrayValue?.isEmpty == true)
    }

    @Test func refusesToCompleteACancelledTask() async throws {
        let ctl = try await KaderctlSession()
        let cadre = try await ctl.register("I Made Sukarta", sex: "L", born: 1988, field: "ekonomi", village: "51.03.02.2001")
        let started = try await ctl.json(["workflow", "start", "--cadre", cadre, "--start-date", TestDays.string(TestDays.firstOfNextMonth)])
        let training = try #require(started["tasks"]?.arrayValue?.first { $0["step"] == "training" }?["id"]?.stringValue)

        let cancelled = try await ctl.run(["task", "cancel", training, "--reason", "pelatih sakit"])
        #expect(cancelled.status == 0, "\(cancelled.stderr)")
        #expect(cancelled.stdout.hasPrefix("\(training) is cancelled: "))
        let before = try await ctl.json(["task", "show", training])

        let completed = try await ctl.run(["task", "complete", training, "--note", "selesai"])
        #expect(completed.status == 80)
        #expect(completed.stdout.isEmpty)
        #expect(completed.stderr == "kaderctl: Task \(training) is cancelled; a cancelled task cannot be completed\n")
        #expect(try await ctl.json(["task", "show", training]) == before)
    }

    @Test func namesTheTaskThatDoesNotExist() async throws {
        let ctl = try await KaderctlSession()
        let result = try await ctl.run(["task", "start", "tsk_aaaaaaaaaaaaaa"])
        #expect(result.status == 66)
        #expect(result.stderr == "kaderctl: No task tsk_aaaaaaaaaaaaaa\n")
        let wrongKind = try await ctl.run(["workflow", "show", "tsk_aaaaaaaaaaaaaa"])
        #expect(wrongKind.status == 65)
        #expect(wrongKind.stderr.hasPrefix("kaderctl: Invalid params: "))
        #expect(wrongKind.stderr.contains("\nkaderctl: id: "))
    }

    @Test func treatsAWrongCommandLineAsUsage() async throws {
        let ctl = try await KaderctlSession()
        // Days a daemon would take: only the command lines around them are wrong.
        let day = "\(TestCalendar.freeDay(atLeast: 2, in: "51"))"
        for arguments in [
            ["cadre", "register", "--name", "Ni Luh Ayu"],
            ["cadre", "update", "cdr_aaaaaaaaaaaaaa"],
            ["task", "list", "--next-month", "--from", day],
            ["task", "reschedule", "tsk_aaaaaaaaaaaaaa", "--to", "\(day) 09:00"],
            ["task", "complete", "tsk_aaaaaaaaaaaaaa", "--record", "decree_number"],
            ["workflow", "start", "--start-date", day],
            ["report", "kader-book", "51.03.02.2001", "--csv", "--json"],
        ] {
            let result = try await ctl.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            // With --json a mistake on the command line is JSON too, for the script that made it.
            let expected = arguments.contains("--json") ? #"{"error":{"kind":"usage""# : "Error: "
            #expect(result.stderr.hasPrefix(expected), "\(arguments): \(result.stderr)")
        }
    }
}
