import ArgumentParser
import KaderClient
import KaderRPC

/// `kaderctl report`: the statutory registers, printed the way the village keeps them.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print statutory registers and progress reports.",
        discussion: """
            Example:
              kaderctl report kader-book 51.03.02.2001
              kaderctl report progress --province 51
            """,
        subcommands: [KaderBook.self, Progress.self]
    )

    struct KaderBook: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kader-book",
            abstract: "Print a village's Buku Kader Pemberdayaan Masyarakat (Permendagri 47/2016).",
            discussion: """
                Every cadre ever registered in the village or moved there, in the order they came, \
                under the register's own headers: No. Urut, Nama, Umur, Jenis Kelamin, \
                Pendidikan/Kursus, Bidang, Alamat, Keterangan. A cadre who moved away keeps their \
                row, noted "pindah ke" with the village and day; a withdrawn registration (entered \
                in error) is not in it. --csv writes the same table as CSV (RFC 4180) for a \
                spreadsheet.
                Examples:
                  kaderctl report kader-book 51.03.01.2001
                  kaderctl report kader-book 51.03.01.2001 --csv > buku-kader.csv

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Argument(help: ArgumentHelp("The village's code, e.g. 51.03.01.2001.", valueName: "VILLAGE"))
        var village: String

        @Flag(help: "Write CSV with the statutory headers instead of a table.")
        var csv = false

        func validate() throws {
            if csv && kaderctl.global.json { throw ValidationError("choose --csv or --json, not both") }
        }

        func run() throws {
            let global = kaderctl.global
            let reply = try global.withConnection { connection throws(ClientError) in
                try connection.fetch(.reportKaderBook, VillageParams(village: village), as: KaderBookReport.self)
            }
            let book = reply.value
            if global.json { return Output.json(reply.raw) }
            if csv {
                return Output.write(CSVWriter.render([book.columns] + book.rows.map(\.cells)))
            }
            Output.print("BUKU KADER PEMBERDAYAAN MASYARAKAT")
            Output.print(Output.facts(book.heading, indent: ""))
            Output.print("")
            Output.print(book.rows.isEmpty ? "(no cadre registered)" : Table(book.columns, rows: book.rows.map(\.cells)).render())
        }
    }
}

extension KaderBookReport {
    /// Where the register belongs, from the village up, as the printed book heads it.
    var heading: [(String, String)] {
        // `within` runs from the province down to the district.
        let names = village.within
        let labels = ["Provinsi", "Kabupaten/Kota", "Kecamatan"]
        var rows = [(village.isKelurahan ? "Kelurahan" : "Desa", "\(village.name) (\(village.code))")]
        for (label, name) in zip(labels, names).reversed() { rows.append((label, name)) }
        rows.append(("Tahun", String(year)))
        return rows
    }
}

extension RegionInfo {
    /// A village code's own part starting with 1 is a kelurahan; 2 a desa, 3 a desa adat.
    var isKelurahan: Bool {
        code.split(separator: ".").last?.first == "1"
    }
}
