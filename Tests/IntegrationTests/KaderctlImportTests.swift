import Foundation
import KaderCore
import KaderRPC
import KaderTesting
import Testing

/// `kaderctl import cadres`: a spreadsheet's rows registered all or none, every bad line named.
@Suite struct KaderctlImportTests {
    @Test func importsQuotedFieldsUnderTheRegistersOwnHeaders() async throws {
        let ctl = try await KaderctlSession()
        let file = try ctl.file(
            "kader.csv",
            "\u{FEFF}Nama,Jenis Kelamin,Tahun Lahir,Pendidikan,Kursus,Bidang,Kode Desa,Alamat,Keterangan\r\n"
                + "\"Wenda, Yohanis\",L,1985,SMA,\"Posyandu; \"\"Kader\"\" BUMDes\",ekonomi,91.03.01.2004,\"Kampung Sereh\r\nBlok B\",\r\n"
                + "Maria Ohee,P,1992,D3,,kesehatan,91.03.01.2004,,guru\r\n")
        let result = try await ctl.run(["import", "cadres", file])
        #expect(result.status == 0, "\(result.stderr)")
        // Not a terminal: no progress, nothing on stderr.
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "Imported 2 cadres from \(file)")
        #expect(lines[1].hasPrefix("LINE  ID"))
        #expect(lines[2].hasPrefix("2     cdr_") && lines[2].contains("Wenda, Yohanis"))
        // The second row starts on line 4: the first row's address spans two lines.
        #expect(lines[3].hasPrefix("4     cdr_") && lines[3].contains("Maria Ohee"))

        let cadres = try await ctl.json(["cadre", "list", "--village", "91.03.01.2004"])["cadres"]?.arrayValue ?? []
        #expect(cadres.count == 2)
        #expect(cadres.first?["courses"] == ["Posyandu", "\"Kader\" BUMDes"])
        #expect(cadres.first?["address"] == "Kampung Sereh\r\nBlok B")
        #expect(cadres.last?["notes"] == "guru")

        let book = try await ctl.run(["report", "kader-book", "91.03.01.2004", "--csv"])
        #expect(book.stdout.contains(
            "\r\n1,\"Wenda, Yohanis\",\(Calendar(identifier: .gregorian).component(.year, from: Date()) - 1985),L,\"SMA; Posyandu; \"\"Kader\"\" BUMDes\",ekonomi,\"Kampung Sereh\r\nBlok B\",Calon KPMD\r\n"))
    }

    @Test func reportsEveryBadLineAndImportsNothing() async throws {
        let ctl = try await KaderctlSession()
        let file = try ctl.file(
            "bad.csv",
            #"""
            name,sex,birth_year,field,village,address
            Ni Luh Ayu,P,1994,kesehatan,51.03.02.2001,Banjar Kaja
            I Made,X,19x0,,51.03.02.2001,
            "Ketut, ""Tut""",L,1990,ekonomi,51.03.02.2001,"Jl. Raya
            no. 3"
            Wayan,L,1990,ekonomi,51.03.02

            """#)
        let result = try await ctl.run(["import", "cadres", file])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            \(file):3: sex: 'X' is not one of L, laki-laki, M or male; P, perempuan, F or female
            \(file):3: birth_year: '19x0' is not a year
            \(file):3: field: is required
            \(file):6: 5 fields, but the header names 6 columns
            kaderctl: 4 problems in \(file); nothing was imported

            """)
        #expect(try await ctl.json(["cadre", "list"])["cadres"]?.arrayValue?.isEmpty == true)
    }

    @Test func namesTheLinesOfRowsTheDaemonRefuses() async throws {
        let ctl = try await KaderctlSession()
        // A six-year-old by the daemon's clock: too young to be a cadre in any year.
        let child = TestCalendar.today(in: "51").year - 6
        let file = try ctl.file(
            "refused.csv",
            """
            Nama,Jenis Kelamin,Tahun Lahir,Bidang,Desa
            Ni Luh Ayu,P,1994,kesehatan,51.03.02.2001
            Anak,L,\(child),kesehatan,51.03.02.2001
            Ni Wayan,P,1990,kesehatan,51.03.02.2999

            """)
        let result = try await ctl.run(["import", "cadres", file])
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n")
        try #require(lines.count == 3, "\(result.stderr)")
        #expect(lines[0].hasPrefix("\(file):3: Tahun Lahir: \(child) is not between "))
        #expect(lines[1] == "\(file):4: Desa: no village has the code 51.03.02.2999")
        #expect(lines[2] == "kaderctl: 2 problems in \(file); nothing was imported")
        #expect(try await ctl.json(["cadre", "list"])["cadres"]?.arrayValue?.isEmpty == true)
    }

    /// A file of any size is sent in chunks (LargeImportTests); a row too large for any
    /// request is named by its line, and nothing is sent.
    @Test func namesARowTooLargeForAnyRequest() async throws {
        let ctl = try await KaderctlSession()
        let notes = String(repeating: "catatan panjang ", count: 40_000)
        let file = try ctl.file(
            "big.csv", "name,sex,birth_year,field,village,notes\nNi Luh Ayu,P,1994,kesehatan,51.03.02.2001,\nMade,L,1990,ekonomi,51.03.02.2001,\(notes)\n")
        let result = try await ctl.run(["import", "cadres", file])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("\(file):3: the row is 625 KiB; a row may hold at most 512 KiB\n"), "\(result.stderr.prefix(300))")
        #expect(try await ctl.json(["cadre", "list"])["cadres"]?.arrayValue?.isEmpty == true)
    }

    @Test func readsStandardInputAndSaysWhenAFileIsMissing() async throws {
        let ctl = try await KaderctlSession()
        let piped = try await ctl.run(
            ["--json", "import", "cadres", "-"], input: "name,sex,birth_year,field,village\nNi Luh Ayu,P,1994,kesehatan,51.03.02.2001\n")
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(try JSONParser.parse(piped.stdout)["cadres"]?.arrayValue?.count == 1)

        let missing = try await ctl.run(["import", "cadres", ctl.daemon.directory.file("absent.csv")])
        #expect(missing.status == 66)
        #expect(missing.stderr.hasPrefix("kaderctl: cannot read "))
    }
}
