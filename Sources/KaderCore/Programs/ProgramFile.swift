import TOMLKit

/// Reads a program from its TOML file, the form operators write and ship.
///
/// Every problem is reported with the file and line it stands on, so a refused program can
/// be fixed without guessing:
///
/// ```toml
/// id = "kpmd"
/// version = 1
/// title = "Kaderisasi KPMD"
/// village_kinds = ["desa", "desa_adat"]   # default: every kind, kelurahan included
///
/// [[steps]]
/// id = "identification"
/// kind = "identification"
/// title = "Identifikasi calon KPMD"
/// duration_days = 14
/// blackout = "next_day"   # or "previous_day" or "keep": see BlackoutPolicy
/// ```
public enum ProgramFile {
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var line: Int?
        public var field: String
        public var message: String

        public init(line: Int?, field: String, message: String) {
            self.line = line
            self.field = field
            self.message = message
        }

        public var description: String { (line.map { "line \($0): " } ?? "") + "\(field): \(message)" }
    }

    /// The file was refused; nothing from it is used.
    public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        public var file: String
        public var problems: [Problem]

        public init(file: String, problems: [Problem]) {
            self.file = file
            self.problems = problems
        }

        public var description: String {
            problems.map { problem in
                "\(file):" + (problem.line.map { "\($0):" } ?? "") + " \(problem.field): \(problem.message)"
            }.joined(separator: "\n")
        }
    }

    static let programKeys: Set<String> = ["id", "version", "title", "summary", "village_kinds", "steps"]
    static let stepKeys: Set<String> = [
        "id", "kind", "title", "after", "offset_days", "duration_days", "time", "recurrence", "records", "catch_up",
        "blackout", "facilitator", "flex_days",
    ]

    public static func parse(_ text: String, file: String) throws(Refusal) -> Program {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw Refusal(
                file: file,
                problems: [Problem(line: error.source.begin.line, field: "toml", message: error.description)])
        } catch {
            throw Refusal(file: file, problems: [Problem(line: nil, field: "toml", message: "\(error)")])
        }
        var reader = Reader(locator: LineLocator(text: text))
        let program = reader.program(from: table)
        var problems = reader.problems
        if let program, problems.isEmpty {
            problems = program.problems.map { problem in
                Problem(line: reader.locator.line(ofPath: problem.field), field: problem.field, message: problem.message)
            }
            if problems.isEmpty { return program }
        }
        throw Refusal(file: file, problems: problems)
    }

    /// Turns the TOML table into a program, noting each problem with its line.
    private struct Reader {
        let locator: LineLocator
        var problems: [Problem] = []

        mutating func program(from table: TOMLTable) -> Program? {
            for key in table.keys.sorted() where !programKeys.contains(key) {
                note(key, step: nil, "unknown key (known keys: \(programKeys.sorted().joined(separator: ", ")))")
            }
            let id = string(table, "id", step: nil, required: true)
            let version = int(table, "version", step: nil, required: true)
            let title = string(table, "title", step: nil, required: true)
            let summary = string(table, "summary", step: nil, required: false) ?? ""
            let villageKinds = readVillageKinds(table)
            var steps: [ProgramStep] = []
            if let value = table["steps"] {
                if let array = value.array {
                    for (index, element) in array.enumerated() {
                        guard let stepTable = element.table else {
                            note("steps", step: index, "each step must be a [[steps]] table")
                            continue
                        }
                        if let step = step(from: stepTable, index: index) { steps.append(step) }
                    }
                } else {
                    note("steps", step: nil, "must be written as [[steps]] tables")
                }
            } else {
                note("steps", step: nil, "a program needs at least one [[steps]] table")
            }
            guard let id, let version, let title else { return nil }
            return Program(
                id: id, version: version, title: title, summary: summary, villageKinds: villageKinds, steps: steps)
        }

        /// The kinds of village named by `village_kinds`, every kind when the key is absent.
        mutating func readVillageKinds(_ table: TOMLTable) -> [RegionCode.VillageKind] {
            guard table["village_kinds"] != nil else { return RegionCode.VillageKind.allCases }
            var kinds: [RegionCode.VillageKind] = []
            for text in strings(table, "village_kinds", step: nil) {
                if let kind = RegionCode.VillageKind(rawValue: text) {
                    kinds.append(kind)
                } else {
                    let choices = RegionCode.VillageKind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                    note("village_kinds", step: nil, "'\(text)' is not a kind of village (\(choices))")
                }
            }
            return kinds
        }

        mutating func step(from table: TOMLTable, index: Int) -> ProgramStep? {
            for key in table.keys.sorted() where !stepKeys.contains(key) {
                note(key, step: index, "unknown key (known keys: \(stepKeys.sorted().joined(separator: ", ")))")
            }
            let id = string(table, "id", step: index, required: true)
            let kind = string(table, "kind", step: index, required: true)
            let title = string(table, "title", step: index, required: true)
            let after = strings(table, "after", step: index)
            let offset = int(table, "offset_days", step: index, required: false) ?? 0
            let duration = int(table, "duration_days", step: index, required: false) ?? 1
            let records = strings(table, "records", step: index)
            var time = ProgramStep.defaultTime
            if let text = string(table, "time", step: index, required: false) {
                if let parsed = TimeOfDay(parsing: text) {
                    time = parsed
                } else {
                    note("time", step: index, "'\(text)' is not a time of day (HH:MM, 24-hour)")
                }
            }
            var recurrence: RecurrenceRule?
            if let text = string(table, "recurrence", step: index, required: false) {
                do {
                    recurrence = try RecurrenceRule(parsing: text)
                } catch {
                    note("recurrence", step: index, "\(error)")
                }
            }
            var catchUp: CatchUpPolicy?
            if let text = string(table, "catch_up", step: index, required: false) {
                catchUp = CatchUpPolicy(rawValue: text)
                if catchUp == nil {
                    let choices = CatchUpPolicy.allCases.map(\.rawValue).joined(separator: ", ")
                    note("catch_up", step: index, "'\(text)' is not one of \(choices)")
                }
            }
            var blackoutPolicy = BlackoutPolicy.nextDay
            if let text = string(table, "blackout", step: index, required: false) {
                if let policy = BlackoutPolicy(rawValue: text) {
                    blackoutPolicy = policy
                } else {
                    let choices = BlackoutPolicy.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                    note("blackout", step: index, "'\(text)' is not a blackout policy (\(choices))")
                }
            }
            var attended: Bool?
            if let value = table["facilitator"] {
                attended = value.bool
                if attended == nil { note("facilitator", step: index, "must be true or false") }
            }
            let flex = int(table, "flex_days", step: index, required: false) ?? 0
            if flex < 0 || flex > 14 { note("flex_days", step: index, "\(flex) is not between 0 and 14 days") }
            guard let id, let kind, let title else { return nil }
            return ProgramStep(
                id: id, kind: StepKind(rawValue: kind), title: title, after: after, offsetDays: offset,
                durationDays: duration, time: time, recurrence: recurrence, records: records, catchUp: catchUp,
                blackoutPolicy: blackoutPolicy, attended: attended, flexDays: flex)
        }

        mutating func note(_ key: String, step: Int?, _ message: String) {
            let path = step.map { "steps[\($0)].\(key)" } ?? key
            problems.append(Problem(line: locator.line(ofPath: path), field: path, message: message))
        }

        mutating func string(_ table: TOMLTable, _ key: String, step: Int?, required: Bool) -> String? {
            guard let value = table[key] else {
                if required { note(key, step: step, "is required") }
                return nil
            }
            guard let string = value.string else {
                note(key, step: step, "must be a string")
                return nil
            }
            return string
        }

        mutating func int(_ table: TOMLTable, _ key: String, step: Int?, required: Bool) -> Int? {
            guard let value = table[key] else {
                if required { note(key, step: step, "is required") }
                return nil
            }
            guard let int = value.int else {
                note(key, step: step, "must be a whole number")
                return nil
            }
            return int
        }

        mutating func strings(_ table: TOMLTable, _ key: String, step: Int?) -> [String] {
            guard let value = table[key] else { return [] }
            guard let array = value.array, array.allSatisfy({ $0.string != nil }) else {
                note(key, step: step, "must be a list of strings, like [\"a\", \"b\"]")
                return []
            }
            return array.compactMap(\.string)
        }
    }
}

/// Finds the line of a key in a program file: top-level keys before the first `[[steps]]`,
/// `steps[i].key` inside the i-th `[[steps]]` block (its header when the key is absent).
struct LineLocator {
    private let lines: [Substring]
    private let stepHeaders: [Int]

    init(text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        self.lines = lines
        stepHeaders = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("[[steps]]") }
    }

    func line(ofPath path: String) -> Int? {
        guard path.hasPrefix("steps["), let close = path.firstIndex(of: "]"),
            let index = Int(path[path.index(path.startIndex, offsetBy: 6)..<close])
        else {
            let key = String(path.prefix { $0 != "." && $0 != "[" })
            return find(key, in: 0..<(stepHeaders.first ?? lines.count)) ?? (key == "steps" ? stepHeaders.first.map { $0 + 1 } : nil)
        }
        guard index < stepHeaders.count else { return nil }
        let start = stepHeaders[index]
        let end = lines.indices[(start + 1)...].first { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("[") } ?? lines.count
        let rest = path[path.index(after: close)...]
        let key = rest.hasPrefix(".") ? String(rest.dropFirst().prefix { $0 != "." && $0 != "[" }) : ""
        return find(key, in: (start + 1)..<end) ?? start + 1
    }

    private func find(_ key: String, in range: Range<Int>) -> Int? {
        guard !key.isEmpty else { return nil }
        for number in range {
            let trimmed = lines[number].drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix(key), trimmed.dropFirst(key.count).drop(while: { $0 == " " || $0 == "\t" }).first == "=" {
                return number + 1
            }
        }
        return nil
    }
}
