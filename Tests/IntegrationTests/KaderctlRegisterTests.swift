import Foundation
import KaderRPC
import KaderTesting
import Testing

/// The Buku Kader as an official register: a mistake can be corrected or withdrawn with a
/// trail, the same people are not registered twice, and a move keeps every village's rows.
@Suite struct KaderctlRegisterTests {
    @Test func importingTheSameSheetTwiceRegistersNoOneTwice() async throws {
        let ctl = try await KaderctlSession()
        let village = try await ctl.desa(under: "51.03")
        let sheet = """
            Nama,Jenis Kelamin,Tahun Lahir,Bidang,Kode Desa
            Ni Luh Putu Ayu,P,1994,kesehatan,\(village.code)
            I Made Sudarma,L,1988,ekonomi,\(village.code)
            Ni Ketut Sari,P,1990,pendidikan,\(village.code)
            I Wayan Gede,L,1985,ekonomi,\(village.code)

            """
        let file = try ctl.file("kader.csv", sheet)
        let first = try await ctl.run(["import", "cadres", file])
        #expect(first.status == 0, "\(first.stderr)")

        let again = try await ctl.run(["import", "cadres", file])
        #expect(again.status == 81)
        #expect(again.stdout.isEmpty)
        let lines = again.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 5, "\(again.stderr)")
        for (line, name) in zip(2...5, ["Ni Luh Putu Ayu", "I Made Sudarma", "Ni Ketut Sari", "I Wayan Gede"]) {
            #expect(
                lines.contains { $0.hasPrefix("\(file):\(line): Nama: \(name) (") && $0.contains("is already registered") },
                "line \(line): \(again.stderr)")
        }
        #expect(lines.allSatisfy { !$0.hasPrefix(file) || $0.contains(" as cdr_") })
        #expect(lines.last == "kaderctl: 4 problems in \(file); nothing was imported")
        let listed = try await ctl.json(["cadre", "list", "--village", village.code])
        #expect(listed["cadres"]?.arrayValue?.count == 4)

        // Case and accents do not make another person, nor does a row repeated in one sheet.
        let variants = try ctl.file(
            "lagi.csv",
            """
            Nama,Jenis Kelamin,Tahun Lahir,Bidang,Kode Desa
            NI LÚH PUTU AYU,P,1994,kesehatan,\(village.code)
            Komang Adi,L,1996,ekonomi,\(village.code)
            komang adi,L,1996,pertanian,\(village.code)

            """)
        let refused = try await ctl.run(["import", "cadres", variants])
        #expect(refused.status == 81)
        #expect(refused.stderr.contains("\(variants):2: Nama: Ni Luh Putu Ayu (P, born 1994) is already registered"), "\(refused.stderr)")
        #expect(refused.stderr.contains("\(variants):4: Nama: is the same person as line 3"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--allow-duplicate"))
        #expect(try await ctl.json(["cadre", "list", "--village", village.code])["cadres"]?.arrayValue?.count == 4)

        // Two people may share all of that; the caller says so.
        let allowed = try await ctl.run(["import", "cadres", variants, "--allow-duplicate"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(try await ctl.json(["cadre", "list", "--village", village.code])["cadres"]?.arrayValue?.count == 7)

        let single = try await ctl.run([
            "cadre", "register", "--name", "I Made  Sudarma", "--sex", "L", "--birth-year", "1988", "--field", "ekonomi",
            "--village", village.code,
        ])
        #expect(single.status == 81)
        #expect(single.stderr.contains("I Made Sudarma (L, born 1988) is already registered in village \(village.code) as cdr_"))
    }

    @Test func aWithdrawnRegistrationLeavesTheBookAndItsNumberingButNotTheHistory() async throws {
        let ctl = try await KaderctlSession()
        let village = try await ctl.desa(under: "51.03")
        let ayu = try await ctl.register("Ni Luh Ayu", sex: "P", born: 1994, field: "kesehatan", village: village.code)
        let made = try await ctl.register("I Made Salah", sex: "L", born: 1988, field: "ekonomi", village: village.code)
        let ketut = try await ctl.register("Ni Ketut Dobel", sex: "P", born: 1990, field: "ekonomi", village: village.code)
        let wayan = try await ctl.register("I Wayan Gede", sex: "L", born: 1985, field: "ekonomi", village: village.code)
        let start = TestDays.string(TestDays.firstOfNextMonth)
        let alone = try await ctl.json(["workflow", "start", "--cadre", made, "--start-date", start])
        let aloneID = try #require(alone["workflow"]?["id"]?.stringValue)
        let cohort = try await ctl.json(["workflow", "start", "--cadres", "\(ketut),\(wayan)", "--start-date", start])
        let cohortID = try #require(cohort["workflow"]?["id"]?.stringValue)

        let withdrawn = try await ctl.run(["cadre", "withdraw", made, "--reason", "salah input"])
        #expect(withdrawn.status == 0, "\(withdrawn.stderr)")
        #expect(withdrawn.stdout == "Withdrew the registration of \(made): I Made Salah\n  workflow \(aloneID) cancelled\n")
        let left = try await ctl.run(["cadre", "withdraw", ketut, "--reason", "duplikat impor"])
        #expect(left.stdout.hasSuffix("  left the cohort of workflow \(cohortID)\n"), "\(left.stdout)")

        let book = try await ctl.run(["report", "kader-book", village.code])
        #expect(book.status == 0, "\(book.stderr)")
        let rows = book.stdout.split(separator: "\n").drop { !$0.hasPrefix("No. Urut") }.dropFirst()
        #expect(rows.count == 2, "\(book.stdout)")
        #expect(rows.first?.hasPrefix("1         Ni Luh Ayu") == true, "\(book.stdout)")
        #expect(rows.last?.hasPrefix("2         I Wayan Gede") == true, "\(book.stdout)")
        #expect(!book.stdout.contains("I Made Salah") && !book.stdout.contains("Ni Ketut Dobel"))

        let register = try await ctl.json(["cadre", "list", "--village", village.code])["cadres"]?.arrayValue ?? []
        #expect(register.compactMap { $0["id"]?.stringValue } == [ayu, wayan])
        let out = try await ctl.json(["cadre", "list", "--village", village.code, "--withdrawn"])["cadres"]?.arrayValue ?? []
        #expect(out.compactMap { $0["id"]?.stringValue } == [made, ketut])
        #expect(out.first?["withdrawal_reason"] == "salah input")

        let shown = try await ctl.run(["cadre", "show", made])
        #expect(shown.stdout.contains("  withdrawn "), "\(shown.stdout)")
        #expect(shown.stdout.contains(": salah input\n"))
        #expect(shown.stdout.contains("registered"))
        #expect(shown.stdout.contains("  withdrawn   cancelled=\(aloneID) reason=salah input\n"), "\(shown.stdout)")
        #expect(try await ctl.json(["workflow", "show", aloneID])["workflow"]?["state"] == "cancelled")
        let rest = try await ctl.json(["workflow", "show", cohortID])["workflow"]
        #expect(rest?["state"] == "active")
        #expect(rest?["cadres"] == [.string(wayan)])

        // Withdrawn is final: not again, not changed, not started.
        let twice = try await ctl.run(["cadre", "withdraw", made, "--reason", "lagi"])
        #expect(twice.status == 80)
        #expect(twice.stderr.contains("was withdrawn on"), "\(twice.stderr)")
        let changed = try await ctl.run(["cadre", "update", made, "--notes", "x"])
        #expect(changed.status == 80)
        let started = try await ctl.run(["workflow", "start", "--cadre", made, "--start-date", start])
        #expect(started.status == 80)
        #expect(started.stderr.contains("was withdrawn"), "\(started.stderr)")
        let noReason = try await ctl.run(["cadre", "withdraw", ayu, "--reason", " "])
        #expect(noReason.status == 64)
    }

    @Test func aCorrectionKeepsTheOldValueAndTheReason() async throws {
        let ctl = try await KaderctlSession()
        let village = try await ctl.desa(under: "51.03")
        let id = try await ctl.register("Ni Luh Ayu", sex: "P", born: 1949, field: "kesehatan", village: village.code)
        let fixed = try await ctl.run(["cadre", "update", id, "--name", "Ni Luh Putu Ayu", "--birth-year", "1994", "--reason", "salah ketik"])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        let history = try await ctl.json(["cadre", "show", id])["history"]?.arrayValue ?? []
        let update = try #require(history.last)
        #expect(update["action"] == "updated")
        #expect(update["detail"]?["name"] == "Ni Luh Ayu → Ni Luh Putu Ayu")
        #expect(update["detail"]?["birth_year"] == "1949 → 1994")
        #expect(update["detail"]?["reason"] == "salah ketik")
        #expect(history.first?["action"] == "registered")
    }

    @Test func aCadreOfAnActiveCohortStaysAndOneWhoMovesKeepsHerRowInTheOldBook() async throws {
        let ctl = try await KaderctlSession()
        let old = try await ctl.desa(under: "51.03")
        let new = try await ctl.desa(under: "51.04")
        let ayu = try await ctl.register("Ni Luh Ayu", sex: "P", born: 1994, field: "kesehatan", village: old.code)
        let sari = try await ctl.register("Ni Ketut Sari", sex: "P", born: 1990, field: "ekonomi", village: old.code)
        let start = TestDays.string(TestDays.firstOfNextMonth)
        let workflow = try await ctl.json(["workflow", "start", "--cadres", "\(ayu),\(sari)", "--start-date", start])
        let workflowID = try #require(workflow["workflow"]?["id"]?.stringValue)

        let refused = try await ctl.run(["cadre", "update", sari, "--village", new.code, "--reason", "pindah domisili"])
        #expect(refused.status == 80)
        #expect(refused.stderr.contains("active workflow \(workflowID)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("finish or cancel the workflow"))
        #expect(try await ctl.json(["cadre", "show", sari])["cadre"]?["village"] == .string(old.code))

        #expect(try await ctl.run(["workflow", "cancel", workflowID, "--reason", "Sari pindah"]).status == 0)
        let moved = try await ctl.run(["cadre", "update", sari, "--village", new.code, "--reason", "pindah domisili"])
        #expect(moved.status == 0, "\(moved.stderr)")
        let third = try await ctl.register("I Made Baru", sex: "L", born: 1988, field: "ekonomi", village: old.code)

        let today = TestCalendar.today(in: "51")
        let oldBook = try await ctl.json(["report", "kader-book", old.code])["rows"]?.arrayValue ?? []
        #expect(oldBook.compactMap { $0["cadre"]?.stringValue } == [ayu, sari, third])
        #expect(oldBook.compactMap { $0["no_urut"]?.intValue } == [1, 2, 3])
        #expect(oldBook[1]["keterangan"] == .string("Calon KPMD; pindah ke \(new.name) (\(new.code)) pada \(today)"))
        #expect(oldBook[1]["alamat"] == "")
        let newBook = try await ctl.json(["report", "kader-book", new.code])["rows"]?.arrayValue ?? []
        #expect(newBook.compactMap { $0["cadre"]?.stringValue } == [sari])
        #expect(newBook.first?["keterangan"] == .string("Calon KPMD; pindahan dari \(old.name) (\(old.code))"))
        let register = try await ctl.json(["cadre", "list", "--village", old.code])["cadres"]?.arrayValue ?? []
        #expect(register.compactMap { $0["id"]?.stringValue } == [ayu, third])
    }
}
