import KaderRPC

/// A register of cadres in a CSV file, checked row by row before anything is sent.
///
/// The first row names the columns, in any order, in English (`name, sex, birth_year,
/// education, courses, field, village, address, status, notes`) or with the Buku Kader's
/// Indonesian headers (`Nama, Jenis Kelamin, Tahun Lahir, Pendidikan, Kursus, Bidang,
/// Desa` or `Kode Desa`, `Alamat, Status, Keterangan`); case, spaces and punctuation in a
/// header do not matter. Courses are separated by semicolons. Rows that are entirely empty
/// are skipped, since spreadsheets leave them at the end.
struct CadreCSV {
    enum Column: String, CaseIterable {
        case name, sex, birthYear = "birth_year", education, courses, field, village, address, status, notes

        /// Header spellings, compared after `folded`.
        var spellings: [String] {
            switch self {
            case .name: ["name", "nama"]
            case .sex: ["sex", "jeniskelamin", "jk", "lp"]
            case .birthYear: ["birthyear", "tahunlahir"]
            case .education: ["education", "pendidikan"]
            case .courses: ["courses", "kursus"]
            case .field: ["field", "bidang"]
            case .village: ["village", "desa", "kodedesa", "desakodedesa"]
            case .address: ["address", "alamat"]
            case .status: ["status"]
            case .notes: ["notes", "keterangan"]
            }
        }

        static let required: [Column] = [.name, .sex, .birthYear, .field, .village]

        init?(header: String) {
            let folded = Self.folded(header)
            guard let column = Self.allCases.first(where: { $0.spellings.contains(folded) }) else { return nil }
            self = column
        }

        private static func folded(_ header: String) -> String {
            String(header.lowercased().filter { $0.isLetter || $0.isNumber })
        }
    }

    /// One row's trouble: the line it is on, the column as the file names it, and what is wrong.
    struct Problem: Equatable {
        var line: Int
        var column: String?
        var message: String

        func rendered(file: String) -> String {
            place(file: file) + ": " + message
        }

        /// `FILE:LINE`, or `FILE:LINE: column`.
        func place(file: String) -> String {
            "\(file):\(line)" + (column.map { ": \($0)" } ?? "")
        }
    }

    struct Row: Equatable {
        var line: Int
        var cadre: CadreFields
    }

    /// The rows to register, in file order.
    private(set) var rows: [Row] = []
    /// Every problem found, in file order.
    private(set) var problems: [Problem] = []
    /// Each column's header as the file spells it, for messages.
    private(set) var headers: [Column: String] = [:]

    init(bytes: [UInt8]) {
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.records(bytes)
        } catch {
            problems = [Problem(line: error.line, column: nil, message: error.message)]
            return
        }
        guard let header = records.first else {
            problems = [Problem(line: 1, column: nil, message: "the file is empty; the first line must name the columns")]
            return
        }
        guard let columns = readHeader(header) else { return }
        for record in records.dropFirst() where !record.fields.allSatisfy({ $0.trimmed.isEmpty }) {
            readRow(record, columns: columns)
        }
        if rows.isEmpty && problems.isEmpty {
            problems.append(Problem(line: header.line, column: nil, message: "no cadre below the header"))
        }
    }

    /// The column a daemon field names (`birth_year`), as the file spells it.
    func header(forField field: String) -> String {
        Column(rawValue: field).flatMap { headers[$0] } ?? field
    }

    private mutating func readHeader(_ record: CSVReader.Record) -> [Column]? {
        var columns: [Column] = []
        for text in record.fields {
            guard let column = Column(header: text) else {
                problems.append(
                    Problem(
                        line: record.line, column: nil,
                        message: "'\(text)' is not a column; expected \(Column.allCases.map(\.rawValue).joined(separator: ", "))"))
                continue
            }
            if headers[column] != nil {
                problems.append(Problem(line: record.line, column: nil, message: "'\(text)' names the \(column.rawValue) column twice"))
            }
            headers[column] = text.trimmed
            columns.append(column)
        }
        for column in Column.required where headers[column] == nil {
            problems.append(Problem(line: record.line, column: nil, message: "no \(column.rawValue) column; it is required"))
        }
        return problems.isEmpty ? columns : nil
    }

    private mutating func readRow(_ record: CSVReader.Record, columns: [Column]) {
        guard record.fields.count == columns.count else {
            problems.append(
                Problem(
                    line: record.line, column: nil,
                    message: "\(record.fields.count) fields, but the header names \(columns.count) columns"))
            return
        }
        var values: [Column: String] = [:]
        for (column, text) in zip(columns, record.fields) { values[column] = text.trimmed }
        var rowProblems: [(column: Column, message: String)] = []
        func problem(_ column: Column, _ message: String) {
            rowProblems.append((column, message))
        }
        for column in Column.required where values[column, default: ""].isEmpty {
            problem(column, "is required")
        }
        let birthYear = Int(values[.birthYear, default: ""])
        if let text = values[.birthYear], !text.isEmpty, birthYear == nil { problem(.birthYear, "'\(text)' is not a year") }
        if let sex = values[.sex], !sex.isEmpty, !Self.sexes.contains(sex.lowercased()) {
            problem(.sex, "'\(sex)' is not one of L, laki-laki, M or male; P, perempuan, F or female")
        }
        if let status = values[.status], !status.isEmpty, !Self.statuses.contains(status) {
            problem(.status, "'\(status)' is not one of \(Self.statuses.joined(separator: ", "))")
        }
        // In the file's column order, as someone fixing the row reads it.
        for found in rowProblems.sorted(by: { columns.firstIndex(of: $0.column)! < columns.firstIndex(of: $1.column)! }) {
            problems.append(Problem(line: record.line, column: headers[found.column], message: found.message))
        }
        guard rowProblems.isEmpty, let birthYear else { return }
        func optional(_ column: Column) -> String? {
            values[column].flatMap { $0.isEmpty ? nil : $0 }
        }
        let courses = values[.courses, default: ""].split(separator: ";").map(\.trimmed).filter { !$0.isEmpty }
        var cadre = CadreFields(
            name: values[.name]!, sex: values[.sex]!, birthYear: birthYear, field: values[.field]!,
            village: values[.village]!)
        cadre.education = optional(.education)
        cadre.courses = courses.isEmpty ? nil : courses
        cadre.address = optional(.address)
        cadre.status = optional(.status)
        cadre.notes = optional(.notes)
        rows.append(Row(line: record.line, cadre: cadre))
    }

    private static let sexes: Set = ["l", "p", "male", "female", "laki-laki", "perempuan"]
    private static let statuses = ["candidate", "active", "completed", "inactive"]
}
