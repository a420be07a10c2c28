import ArgumentParser
// Not all of Foundation: it would link ICU into kaderctl and slow every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import KaderClient
import KaderRPC

/// `kaderctl import`: many records at once from a spreadsheet, all or none.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import records from CSV files, all or none.",
        discussion: """
            Example:
              kaderctl import cadres kader.csv
            """,
        subcommands: [Cadres.self]
    )

    struct Cadres: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cadres",
            abstract: "Register every cadre of a CSV file, all or none.",
            discussion: """
                The first line names the columns, in any order: name, sex, birth_year, field and \
                village are required; education, courses (separated by semicolons), address, status \
                and notes are optional. The Buku Kader's Indonesian headers work too: Nama, Jenis \
                Kelamin, Tahun Lahir, Pendidikan, Kursus, Bidang, Desa (or Kode Desa), Alamat, \
                Status, Keterangan. Save the sheet as CSV UTF-8; fields may be separated by commas \
                or by semicolons (as a spreadsheet in an Indonesian locale saves it), and quoted \
                fields may hold separators, quotes ("") and line breaks. The village is its code \
                (51.03.02.2001 or 5103022001) or its name with its district where namesakes exist \
                ("Sembung, Mengwi").

                Every row is checked first, and every problem is reported as FILE:LINE: column:
                message; then, only if all rows are good, they are registered in one batch. A \
                row the daemon refuses is reported the same way, and nothing is registered. \
                Exits 65 when any row is bad. A sheet too large for one request (more than about \
                4,000 rows) is sent in chunks, each checked by the daemon as it arrives (a bar \
                shows the rows checked on a terminal), and registered in one transaction at \
                the end: all or none all the same.

                A row whose name (case and accents ignored), sex, birth year and village match a \
                registered cadre, or an earlier row, is refused as a duplicate: importing the same \
                file twice registers no one twice. If such rows really are other people, import \
                with --allow-duplicate.

                With --dry-run every check is made, the daemon's too (villages, plugins, \
                duplicates), and no one is registered.

                Example:
                  name,sex,birth_year,field,village,courses,address
                  "Made S.",L,1988,ekonomi,51.03.01.2001,"Posyandu;BUMDes","Kaja, Kuta"
                  kaderctl import cadres kader.csv

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Argument(help: ArgumentHelp("The CSV file; - reads standard input.", valueName: "FILE.csv"))
        var file: String

        @Flag(help: "Register rows that match a registered cadre (name, sex, birth year, village): other people.")
        var allowDuplicate = false

        @Flag(help: "Check every row, the daemon's checks included, and register no one.")
        var dryRun = false

        func run() throws {
            let global = kaderctl.global
            let name = file == "-" ? "<stdin>" : file
            let sheet = CadreCSV(bytes: try contents())
            // Each row as it goes on the wire, measured once and sent as measured.
            let rows = sheet.rows.map { (try? JSONValue(encoding: $0.cadre)) ?? [:] }
            let sizes = rows.map { JSONWriter.bytes($0).count }
            // A row too large for any request is the file's problem, named by its line.
            let problems = sheet.problems + zip(sheet.rows, sizes).filter { $1 > Self.chunkBytes }.map { row, size in
                CadreCSV.Problem(
                    line: row.line, column: nil,
                    message: "the row is \(size / 1024) KiB; a row may hold at most \(Self.chunkBytes / 1024) KiB")
            }
            guard problems.isEmpty else {
                let refusal = Self.refusal(problems.count, in: name)
                throw CommandFailure(
                    kind: .invalid, message: refusal,
                    fields: problems.map { RPCFieldError(field: $0.place(file: name), message: $0.message) },
                    lines: problems.map { $0.rendered(file: name) } + ["kaderctl: " + refusal]
                ).report()
            }
            let chunks = Self.chunks(sizes: sizes)
            if chunks.count > 1 { return try importInChunks(sheet, rows, chunks, file: name) }
            Output.progress("registering \(sheet.rows.count) cadres from \(name)…")
            let params = CadreRegisterParams(
                cadres: sheet.rows.map(\.cadre), allowDuplicate: allowDuplicate ? true : nil, dryRun: dryRun ? true : nil)
            let reply = try global.withConnection(explaining: { Self.explain($0, sheet: sheet, file: name) }) {
                connection throws(ClientError) in
                try connection.fetch(.cadreRegister, params, as: CadreBatch.self)
            }
            if global.json { return Output.json(reply.raw) }
            show(reply.value.cadres, of: sheet, file: name)
        }

        /// What was imported (or, with --dry-run, would be), line by line.
        private func show(_ cadres: [CadreInfo], of sheet: CadreCSV, file name: String) {
            Output.print(
                dryRun
                    ? "Checked \(cadres.count) cadres from \(name): all can be registered; nothing was changed (--dry-run)"
                    : "Imported \(cadres.count) cadres from \(name)")
            var table = Table(dryRun ? ["LINE", "NAME", "VILLAGE"] : ["LINE", "ID", "NAME", "VILLAGE"])
            for (row, cadre) in zip(sheet.rows, cadres) {
                let name = cadre.name ?? ""
                table.append(dryRun ? [String(row.line), name, cadre.villageLabel] : [String(row.line), cadre.id, name, cadre.villageLabel])
            }
            Output.print(table.render())
        }

        /// The rows of one request, so that a request stays well under the daemon's line limit.
        static let chunkBytes = RPCFraming.maxLineBytes / 2

        /// The rows, by the sizes of their JSON, split into runs that fit `chunkBytes`; one run
        /// for most sheets.
        static func chunks(sizes: [Int]) -> [Range<Int>] {
            var chunks: [Range<Int>] = []
            var start = 0
            var bytes = 0
            for (index, size) in sizes.enumerated() {
                if bytes + size > chunkBytes, index > start {
                    chunks.append(start..<index)
                    (start, bytes) = (index, 0)
                }
                bytes += size + 1
            }
            chunks.append(start..<sizes.count)
            return chunks
        }

        /// A sheet too large for one request: each chunk is checked and kept by the daemon
        /// (`cadre.import_stage`), then all are registered in one transaction
        /// (`cadre.import_commit`), all or none. Every chunk is sent even after one is refused,
        /// so every problem of the file is reported at once.
        private func importInChunks(_ sheet: CadreCSV, _ rows: [JSONValue], _ chunks: [Range<Int>], file name: String) throws {
            let global = kaderctl.global
            let importName = "kaderctl-" + (0..<4).map { _ in String(UInt32.random(in: .min ... .max), radix: 16) }.joined()
            var bar = ProgressBar(total: sheet.rows.count, unit: "rows")
            var checked: [CadreInfo] = []
            var problems: [RPCFieldError] = []
            let explain = { (refusal: RPCError) in Self.explain(refusal, sheet: sheet, file: name) }
            try global.withConnection(explaining: explain) { connection throws(ClientError) in
                for chunk in chunks {
                    let params = CadreImportStageParams.json(importName: importName, first: chunk.lowerBound, encodedCadres: Array(rows[chunk]))
                    do throws(ClientError) {
                        checked += try connection.fetch(.cadreImportStage, json: params, as: CadreImportStaged.self).value.cadres
                    } catch {
                        guard case .remote(let refusal) = error, refusal.kind == .invalid, !refusal.fields.isEmpty else { throw error }
                        problems += refusal.fields
                    }
                    bar.update(chunk.upperBound, "checked")
                }
                bar.finish()
                if !problems.isEmpty {
                    _ = try? connection.fetch(.cadreImportDiscard, CadreImportDiscardParams(importName: importName), as: CadreImportDiscarded.self)
                }
            }
            guard problems.isEmpty else {
                let refusal = RPCError(.invalid, "rows of \(name) cannot be registered", fields: problems)
                throw CommandFailure(.remote(refusal), lines: explain(refusal)).report()
            }
            Output.progress("registering \(sheet.rows.count) cadres from \(name) in one transaction…")
            let params = CadreImportCommitParams(
                importName: importName, rows: sheet.rows.count, allowDuplicate: allowDuplicate ? true : nil, dryRun: dryRun ? true : nil)
            // The transaction's time grows with the rows: 10 ms a row more than --timeout
            // (on PostgreSQL, each row is a few round trips to the server).
            let committed = try global.withConnection(longer: Double(sheet.rows.count) / 100, explaining: explain) {
                connection throws(ClientError) in
                try connection.fetch(.cadreImportCommit, params, as: CadreImportCommitted.self)
            }
            if !dryRun {
                for (index, id) in committed.value.ids.enumerated() where checked.indices.contains(index) { checked[index].id = id }
            }
            // The same reply as one batch's, for scripts that import sheets of any size.
            if global.json { return Output.json(try JSONValue(encoding: CadreBatch(cadres: checked))) }
            show(checked, of: sheet, file: name)
        }

        private func contents() throws -> [UInt8] {
            if file == "-" { return StandardStream.input.readAll() }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure(kind: .notFound, message: "cannot read \(file): no such readable file").report()
            }
            return Array(data)
        }

        /// The daemon names a batch's bad fields `cadres[INDEX].FIELD`; people know lines.
        private static func explain(_ refusal: RPCError, sheet: CadreCSV, file: String) -> [String]? {
            guard !refusal.fields.isEmpty else { return nil }
            let lines = refusal.fields.map { problem -> String in
                guard let (index, field) = batchField(problem.field), sheet.rows.indices.contains(index) else {
                    return "kaderctl: \(problem.field): \(problem.message)"
                }
                return CadreCSV.Problem(
                    line: sheet.rows[index].line, column: sheet.header(forField: field),
                    message: lineNumbers(in: problem.message, sheet: sheet)
                ).rendered(file: file)
            }
            return lines + ["kaderctl: " + Self.refusal(refusal.fields.count, in: file)]
        }

        /// A message naming another row of the batch (`cadres[2]`) names its line instead.
        private static func lineNumbers(in message: String, sheet: CadreCSV) -> String {
            guard let range = message.firstRange(of: "cadres["), let close = message[range.upperBound...].firstIndex(of: "]"),
                let index = Int(message[range.upperBound..<close]), sheet.rows.indices.contains(index)
            else { return message }
            var named = message
            named.replaceSubrange(range.lowerBound...close, with: "line \(sheet.rows[index].line)")
            return named
        }

        /// `cadres[3].village` → (3, "village").
        private static func batchField(_ path: String) -> (Int, String)? {
            guard path.hasPrefix("cadres["), let close = path.firstIndex(of: "]"),
                let index = Int(path[path.index(path.startIndex, offsetBy: 7)..<close])
            else { return nil }
            let rest = path[path.index(after: close)...]
            return (index, rest.hasPrefix(".") ? String(rest.dropFirst()) : String(rest))
        }

        private static func refusal(_ count: Int, in file: String) -> String {
            "\(count) \(count == 1 ? "problem" : "problems") in \(file); nothing was imported"
        }
    }
}
