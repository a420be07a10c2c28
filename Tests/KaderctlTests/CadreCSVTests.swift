import Testing

@testable import kaderctl

@Suite struct CadreCSVTests {
    private func sheet(_ text: String) -> CadreCSV {
        CadreCSV(bytes: Array(text.utf8))
    }

    @Test func readsTheRegistersIndonesianHeadersInAnyOrder() throws {
        let csv = sheet("""
            Kode Desa,Nama,Jenis Kelamin,Tahun Lahir,Bidang,Kursus,Keterangan
            51.03.02.2001,Ni Luh Ayu,P,1994,kesehatan,"Posyandu; PKK ;",guru

            """)
        #expect(csv.problems == [])
        let cadre = try #require(csv.rows.first).cadre
        #expect(cadre.name == "Ni Luh Ayu")
        #expect(cadre.village == "51.03.02.2001")
        #expect(cadre.birthYear == 1994)
        #expect(cadre.courses == ["Posyandu", "PKK"])
        #expect(cadre.notes == "guru")
        #expect(cadre.address == nil)
        #expect(csv.header(forField: "birth_year") == "Tahun Lahir")
    }

    @Test func reportsEveryBadRowWithItsLineInColumnOrder() {
        let csv = sheet("""
            name,sex,birth_year,field,village
            Good,L,1990,ekonomi,51.03.02.2001
            ,X,19x0,ekonomi,51.03.02.2001
            "Two
            lines",P,1980,kesehatan,5103022001
            Short,P,1980

            ,,,,
            """)
        #expect(csv.problems.map { $0.rendered(file: "k.csv") } == [
            "k.csv:3: name: is required",
            "k.csv:3: sex: 'X' is not one of L, laki-laki, M or male; P, perempuan, F or female",
            "k.csv:3: birth_year: '19x0' is not a year",
            "k.csv:6: 3 fields, but the header names 5 columns",
        ])
        // A code without its dots, or a village's name, is the daemon's to resolve.
        #expect(csv.rows.map(\.line) == [2, 4])
    }

    /// What a spreadsheet saves in an Indonesian locale: semicolons, the comma being the decimal mark.
    @Test func readsASemicolonSeparatedSheet() {
        let csv = sheet("nama;jenis_kelamin;tahun_lahir;bidang;desa\n\"Ayu; Ni Luh\";P;1994;kesehatan;Sembung, Mengwi\n")
        #expect(csv.problems.isEmpty, "\(csv.problems)")
        #expect(csv.rows.first?.cadre.name == "Ayu; Ni Luh")
        #expect(csv.rows.first?.cadre.village == "Sembung, Mengwi")
        #expect(CSVReader.separator(of: Array("a\tb;c\td\n".utf8)[...]) == UInt8(ascii: "\t"))
        #expect(CSVReader.separator(of: Array("a,b;c,d\n".utf8)[...]) == UInt8(ascii: ","))
    }

    @Test func refusesAHeaderItCannotRead() {
        let csv = sheet("nama,umur,nama\nA,1,B\n")
        #expect(csv.rows.isEmpty)
        #expect(csv.problems.map(\.message) == [
            "'umur' is not a column; expected name, sex, birth_year, education, courses, field, village, address, status, notes",
            "'nama' names the name column twice",
            "no sex column; it is required",
            "no birth_year column; it is required",
            "no field column; it is required",
            "no village column; it is required",
        ])
    }

    @Test func refusesAFileWithNoCadre() {
        #expect(sheet("").problems.map(\.message) == ["the file is empty; the first line must name the columns"])
        #expect(sheet("name,sex,birth_year,field,village\n").problems.map(\.message) == ["no cadre below the header"])
    }
}
