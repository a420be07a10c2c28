import Foundation
import KaderRPC
import KaderTesting
import Testing

/// Issue 3's acceptance, with kaderctl alone: cadres in Bali (WITA) and Papua (WIT), the
/// default program for each, next month's tasks in each province's own time, a training
/// completed, a visit rescheduled, the village's Buku Kader printed.
@Suite struct KaderctlAcceptanceTests {
    @Test func runsTheDefaultProgramInBaliAndPapua() async throws {
        let ctl = try await KaderctlSession()

        // Find a desa in Badung (Bali) and one in Kabupaten Jayapura (Papua).
        let bali = try await ctl.desa(under: "51.03")
        let papua = try await ctl.desa(under: "91.03")
        let search = try await ctl.run(["region", "search", bali.code])
        #expect(search.stdout.contains("\(bali.code)  \(bali.name)"))
        #expect(search.stdout.contains("Kabupaten Badung, Bali"))

        // Three cadres in each village.
        var baliCadres: [String] = []
        for (name, sex, born, field) in [
            ("Ni Luh Putu Ayu", "P", 1994, "kesehatan"), ("I Made Sukarta", "L", 1988, "ekonomi"),
            ("Ni Wayan Sari", "perempuan", 1990, "pendidikan"),
        ] {
            baliCadres.append(
                try await ctl.register(
                    name, sex: sex, born: born, field: field, village: bali.code,
                    extra: ["--education", "SMA", "--course", "Posyandu", "--course", "BUMDes, dasar"]))
        }
        var papuaCadres: [String] = []
        for (name, sex, born) in [("Yohanis Wenda", "L", 1985), ("Maria Ohee", "P", 1992), ("Petrus Kogoya", "male", 1979)] {
            papuaCadres.append(try await ctl.register(name, sex: sex, born: born, field: "kesehatan", village: papua.code))
        }
        let listed = try await ctl.run(["cadre", "list", "--province", "91"])
        #expect(listed.stdout.split(separator: "\n").first?.hasPrefix("ID") == true)
        for name in ["Yohanis Wenda", "Maria Ohee", "Petrus Kogoya"] { #expect(listed.stdout.contains(name)) }
        #expect(!listed.stdout.contains("Ni Luh Putu Ayu"))

        // The default program for each, from the first day of next month.
        let first = TestDays.string(TestDays.firstOfNextMonth)
        var workflows: [String: String] = [:]
        for cadre in baliCadres + papuaCadres {
            let started = try await ctl.run(["workflow", "start", "--cadre", cadre, "--start-date", first])
            #expect(started.status == 0, "\(started.stderr)")
            let id = try #require(started.stdout.split(separator: " ").dropFirst().first)
            #expect(started.stdout.hasPrefix("Started wf_"))
            workflows[cadre] = String(id)
        }

        // Next month's tasks of each province, in that province's time.
        let month = String(first.prefix(7))
        let baliTasks = try await ctl.run(["task", "list", "--province", "51", "--next-month"])
        let papuaTasks = try await ctl.run(["task", "list", "--province", "91", "--next-month"])
        for (tasks, zone, village, other) in [
            (baliTasks, "WITA", bali.name, papua.name), (papuaTasks, "WIT", papua.name, bali.name),
        ] {
            #expect(tasks.status == 0, "\(tasks.stderr)")
            let rows = tasks.stdout.split(separator: "\n").dropFirst()
            #expect(rows.count >= 6, "\(tasks.stdout)")
            for row in rows {
                #expect(row.contains(" \(month)-"), "every task opens next month: \(row)")
                #expect(row.contains(" \(zone) "), "times in \(zone): \(row)")
                #expect(row.contains(village) && !row.contains(other))
            }
            // Identification opens on the start date at 09:00 in the village's own clock.
            #expect(tasks.stdout.contains(" 09:00 \(zone)  "))
            #expect(tasks.stdout.contains("Identifikasi calon KPMD"))
        }
        let papuaJSON = try await ctl.json(["task", "list", "--province", "91", "--next-month"])
        let starts = papuaJSON["tasks"]?.arrayValue?.compactMap { $0["window_start"]?.stringValue } ?? []
        #expect(!starts.isEmpty && starts.allSatisfy { $0.hasSuffix("+09:00") && $0.hasPrefix(month) })

        // Appoint one Papuan cadre by SK Kepala Desa, complete a training, reschedule a visit.
        let workflow = try await ctl.json(["workflow", "show", try #require(workflows[papuaCadres[0]])])
        func task(_ step: String, occurrence: Int = 1) throws -> JSONValue {
            try #require(workflow["tasks"]?.arrayValue?.first { $0["step"]?.stringValue == step && $0["occurrence"]?.intValue == occurrence })
        }
        for step in ["identification", "deliberation"] {
            let done = try await ctl.run(["task", "complete", try #require(try task(step)["id"]?.stringValue)])
            #expect(done.status == 0, "\(done.stderr)")
        }
        let decree = try #require(try task("decree")["id"]?.stringValue)
        let appointed = try await ctl.run([
            "task", "complete", decree, "--record", "decree_number=141/12/2026",
            "--record", "decree_date=\(TestCalendar.today(in: "91"))",
        ])
        #expect(appointed.status == 0, "\(appointed.stderr)")
        #expect(appointed.stdout.contains("decree_number  141/12/2026"))

        let training = try #require(try task("training")["id"]?.stringValue)
        let trained = try await ctl.run(["task", "complete", training, "--note", "12 peserta hadir"])
        #expect(trained.status == 0, "\(trained.stderr)")
        #expect(trained.stdout.hasPrefix("\(training) is done: Pelatihan dasar KPMD (5 hari)\n"))
        let shown = try await ctl.run(["task", "show", training])
        #expect(shown.stdout.contains("state     done"))
        #expect(shown.stdout.contains("note      12 peserta hadir"))
        #expect(shown.stdout.contains("from=scheduled"))

        let visit = try task("mentoring")
        let visitID = try #require(visit["id"]?.stringValue)
        let newDay = TestDays.adding(7, to: String(try #require(visit["window_start"]?.stringValue).prefix(10)))
        let moved = try await ctl.run(["task", "reschedule", visitID, "--to", "\(newDay)T10:30", "--reason", "banjir"])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout.contains("starts    \(newDay) 10:30 WIT\n"))
        let movedJSON = try await ctl.json(["task", "show", visitID])
        #expect(movedJSON["task"]?["window_start"]?.stringValue == "\(newDay)T10:30:00+09:00")
        #expect(movedJSON["task"]?["state"]?.stringValue == "scheduled")

        // The village's Buku Kader: where it belongs, then the register under its own headers.
        let book = try await ctl.run(["report", "kader-book", papua.code])
        #expect(book.status == 0, "\(book.stderr)")
        let lines = book.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "BUKU KADER PEMBERDAYAAN MASYARAKAT")
        #expect(lines.contains { $0.hasPrefix("Desa") && $0.hasSuffix("\(papua.name) (\(papua.code))") })
        #expect(lines.contains { $0.hasPrefix("Kabupaten/Kota") && $0.hasSuffix("Kabupaten Jayapura") })
        #expect(lines.contains { $0.hasPrefix("Provinsi") && $0.hasSuffix("Papua") })
        let header = try #require(lines.first { $0.hasPrefix("No. Urut") })
        #expect(header.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            == "No. Urut Nama Umur Jenis Kelamin Pendidikan/Kursus Bidang Alamat Keterangan")
        #expect(lines.contains { $0.hasPrefix("1 ") && $0.contains("Yohanis Wenda") && $0.contains("KPMD aktif") })
        #expect(lines.contains { $0.hasPrefix("3 ") && $0.contains("Petrus Kogoya") && $0.contains("Calon KPMD") })

        let csv = try await ctl.run(["report", "kader-book", bali.code, "--csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let records = csv.stdout.components(separatedBy: "\r\n")
        #expect(records[0] == "No. Urut,Nama,Umur,Jenis Kelamin,Pendidikan/Kursus,Bidang,Alamat,Keterangan")
        #expect(records[1].hasPrefix("1,Ni Luh Putu Ayu,"))
        #expect(records[1].contains(",P,\"SMA; Posyandu; BUMDes, dasar\",kesehatan,"))
        #expect(records[3].hasPrefix("3,Ni Wayan Sari,") && records[3].hasSuffix(",Calon KPMD"))
        #expect(records.count == 5 && records[4].isEmpty)
    }
}
