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
            "k.csv:3: sex: 'X' is not L, P, male or female",
            "k.csv:3: birth_year: '19x0' is not a year",
            "k.csv:4: village: '5103022001' is not a village code (10 digits as 51.03.01.2001)",
            "k.csv:6: 3 fields, but the header names 5 columns",
        ])
        #expect(csv.rows.map(\.line) == [2])
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
