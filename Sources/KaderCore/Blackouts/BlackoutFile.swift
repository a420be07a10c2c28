import Foundation
import TOMLKit

/// An operator's file of blackouts: days added (a regency's anniversary, a national
/// holiday an election adds) and shipped holidays taken back (a cuti bersama a new SKB
/// cancels), so that none of it waits for a release of kaderd or a plugin.
///
/// ```toml
/// [[blackout]]
/// name = "Hari Jadi Kabupaten Badung"
/// from = "2027-03-10"              # a day, or a local date-time "2027-03-10T06:00"
/// until = "2027-03-10"             # the last day (inclusive), or the end (exclusive)
/// regencies = ["51.03"]            # or nation = true, provinces, districts, villages
/// reference = "Perbup Badung 12/2026"
///
/// [[remove]]                       # a shipped national holiday that no longer holds
/// date = "2027-12-24"
/// name = "Cuti Bersama Hari Raya Natal"   # as shipped that day, else refused
/// reference = "SKB 3 Menteri …"    # nation-wide unless a scope is given
/// ```
///
/// Times are the wall-clock time of each village the blackout applies to. Every problem is
/// reported with its line, and a file with any problem is refused as a whole.
public struct BlackoutFile: Sendable, Hashable {
    /// Where the file was read from; each blackout's source names it with the line.
    public let path: String
    /// One blackout per entry and region it names, in file order.
    public let blackouts: [Blackout]
    public let removals: [BlackoutRemoval]

    /// The longest blackout a file may declare, in days: longer is a mistake, for no task
    /// could be moved off it (see `BlackoutCalendar.searchLimitDays`).
    public static let longestDays = 366

    static let topKeys = ["blackout", "remove"]
    static let scopeKeys: [(key: String, level: RegionCode.Level)] = [
        ("provinces", .province), ("regencies", .regency), ("districts", .district), ("villages", .village),
    ]
    static let blackoutKeys = ["name", "from", "until", "nation"] + scopeKeys.map(\.key) + ["reference"]
    static let removeKeys = ["date", "name", "nation"] + scopeKeys.map(\.key) + ["reference"]

    public init(path: String, blackouts: [Blackout], removals: [BlackoutRemoval]) {
        self.path = path
        self.blackouts = blackouts
        self.removals = removals
    }

    /// Reads a blackout file. With `regions`, every region code must name a region that
    /// exists, so that a mistyped code is refused rather than blacking out nothing.
    public static func parse(_ text: String, path: String, regions: RegionDirectory? = nil) throws(BlackoutFileRefusal)
        -> BlackoutFile
    {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let problem = BlackoutFileProblem(line: error.source.begin.line, message: "not valid TOML: \(error.description)")
            throw BlackoutFileRefusal(file: path, problems: [problem])
        } catch {
            throw BlackoutFileRefusal(file: path, problems: [BlackoutFileProblem(line: nil, message: "not valid TOML: \(error)")])
        }
        var reader = Reader(path: path, lines: BlackoutFileLines(text: text), regions: regions)
        let file = reader.file(from: table)
        guard reader.problems.isEmpty else {
            throw BlackoutFileRefusal(file: path, problems: reader.problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
        }
        return file
    }

    /// A day or a wall-clock time, as `from`, `until` and `date` may be written.
    private enum When {
        case day(LocalDate)
        case time(LocalDateTime)
    }

    /// Turns the TOML table into blackouts and removals, noting each problem with its line.
    private struct Reader {
        let path: String
        let lines: BlackoutFileLines
        let regions: RegionDirectory?
        var problems: [BlackoutFileProblem] = []

        mutating func file(from table: TOMLTable) -> BlackoutFile {
            for key in table.keys.sorted() where !topKeys.contains(key) {
                problems.append(
                    BlackoutFileProblem(
                        line: lines.top(key),
                        message: "\(key): unknown key; a blackout file holds [[blackout]] and [[remove]] tables only"))
            }
            var blackouts: [Blackout] = []
            for (index, entry) in entries(table, "blackout").enumerated() {
                blackouts += blackout(from: entry, index: index)
            }
            var removals: [BlackoutRemoval] = []
            for (index, entry) in entries(table, "remove").enumerated() {
                removals += removal(from: entry, index: index)
            }
            return BlackoutFile(path: path, blackouts: blackouts, removals: removals)
        }

        /// The `[[name]]` tables, each one present; problems noted for anything else.
        private mutating func entries(_ table: TOMLTable, _ name: String) -> [TOMLTable?] {
            guard let value = table[name] else { return [] }
            guard let array = value.array else {
                note(lines.top(name), name, "write [[\(name)]], one table per \(name == "remove" ? "removal" : "blackout")")
                return []
            }
            return array.enumerated().map { index, element in
                guard let entry = element.table else {
                    note(lines.line(of: name, index), name, "each entry must be a [[\(name)]] table")
                    return nil
                }
                return entry
            }
        }

        private mutating func blackout(from table: TOMLTable?, index: Int) -> [Blackout] {
            guard let table else { return [] }
            let lines = self.lines
            let at = { (key: String?) in lines.line(of: "blackout", index, key: key) }
            unknownKeys(table, known: blackoutKeys, at: at)
            let name = self.name(table, at: at)
            let from = when(table, "from", required: true, at: at)
            let until = when(table, "until", required: false, at: at)
            let scopes = self.scopes(table, nationByDefault: false, at: at)
            let reference = string(table, "reference", at: at)
            guard let name, let from else { return [] }
            let start: LocalDateTime
            let end: LocalDateTime
            switch (from, until) {
            case (.day(let first), nil):
                (start, end) = (LocalDateTime(date: first, secondOfDay: 0), LocalDateTime(date: first.adding(days: 1), secondOfDay: 0))
            case (.day(let first), .day(let last)?):
                guard first <= last else {
                    note(at("until"), "until", "\(last) is before from, \(first); until is the last day, included")
                    return []
                }
                (start, end) = (LocalDateTime(date: first, secondOfDay: 0), LocalDateTime(date: last.adding(days: 1), secondOfDay: 0))
            case (.time, nil):
                note(
                    at("from"), "until",
                    "is required when from is a date-time: give the end (excluded), e.g. the next day at the same time")
                return []
            case (.time(let first), .time(let after)?):
                guard first < after else {
                    note(at("until"), "until", "\(after) is not after from, \(first); until is the first moment after the blackout")
                    return []
                }
                (start, end) = (first, after)
            case (.day, .time?), (.time, .day?):
                note(at("until"), "until", "from and until must both be days (YYYY-MM-DD) or both date-times (YYYY-MM-DDTHH:MM)")
                return []
            }
            guard end <= start.adding(days: longestDays) else {
                note(at("until"), "until", "the blackout is longer than \(longestDays) days; no task could be moved off it")
                return []
            }
            let source = BlackoutSource.file(path: path, line: at(nil))
            return scopes.map { scope in
                Blackout(name: name, scope: scope, start: start, end: end, source: source, reference: reference)
            }
        }

        private mutating func removal(from table: TOMLTable?, index: Int) -> [BlackoutRemoval] {
            guard let table else { return [] }
            let lines = self.lines
            let at = { (key: String?) in lines.line(of: "remove", index, key: key) }
            unknownKeys(table, known: removeKeys, at: at)
            let name = self.name(table, at: at)
            let date = when(table, "date", required: true, at: at)
            let scopes = self.scopes(table, nationByDefault: true, at: at)
            let reference = string(table, "reference", at: at)
            guard let name, let date else { return [] }
            guard case .day(let day) = date else {
                note(at("date"), "date", "a shipped holiday is a whole day: give its date, YYYY-MM-DD")
                return []
            }
            let source = BlackoutSource.file(path: path, line: at(nil))
            return scopes.map { BlackoutRemoval(date: day, name: name, scope: $0, source: source, reference: reference) }
        }

        private mutating func unknownKeys(_ table: TOMLTable, known: [String], at: (String?) -> Int?) {
            for key in table.keys.sorted() where !known.contains(key) {
                note(at(key), key, "unknown key (known keys: \(known.joined(separator: ", ")))")
            }
        }

        private mutating func name(_ table: TOMLTable, at: (String?) -> Int?) -> String? {
            guard let name = string(table, "name", at: at) else {
                if table["name"] == nil { note(at(nil), "name", "is required: it tells people why a task moved") }
                return nil
            }
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else {
                note(at("name"), "name", "is empty: it tells people why a task moved")
                return nil
            }
            return trimmed
        }

        private mutating func string(_ table: TOMLTable, _ key: String, at: (String?) -> Int?) -> String? {
            guard let value = table[key] else { return nil }
            guard let string = value.string else {
                note(at(key), key, "must be a string")
                return nil
            }
            return string
        }

        /// A day or a local date-time, as a string or a TOML date or local date-time.
        private mutating func when(_ table: TOMLTable, _ key: String, required: Bool, at: (String?) -> Int?) -> When? {
            guard let value = table[key] else {
                if required { note(at(nil), key, "is required") }
                return nil
            }
            if let date = value.date {
                guard let day = try? LocalDate(year: date.year, month: date.month, day: date.day) else {
                    note(at(key), key, "is not a valid day")
                    return nil
                }
                return .day(day)
            }
            if let dateTime = value.dateTime {
                guard dateTime.offset == nil else {
                    note(at(key), key, "times are each village's own wall-clock time: leave out the offset")
                    return nil
                }
                let time = try? LocalDateTime(
                    year: dateTime.date.year, month: dateTime.date.month, day: dateTime.date.day, hour: dateTime.time.hour,
                    minute: dateTime.time.minute, second: dateTime.time.second)
                guard let time else {
                    note(at(key), key, "is not a valid date-time")
                    return nil
                }
                return .time(time)
            }
            guard let text = value.string else {
                note(at(key), key, "must be a day, \"YYYY-MM-DD\", or a local date-time, \"YYYY-MM-DDTHH:MM\"")
                return nil
            }
            if !text.contains("T") {
                do {
                    return .day(try LocalDate(parsing: text))
                } catch {
                    note(at(key), key, error.description)
                    return nil
                }
            }
            if text.hasSuffix("Z") || text.split(separator: "T").last.map({ $0.contains("+") || $0.contains("-") }) == true {
                note(at(key), key, "'\(text)': times are each village's own wall-clock time: leave out the offset")
                return nil
            }
            do {
                return .time(try LocalDateTime(parsing: text))
            } catch {
                note(at(key), key, error.description)
                return nil
            }
        }

        /// Where an entry applies: `nation = true`, or the regions listed under `provinces`,
        /// `regencies`, `districts` and `villages` (any mix), each a code of its level.
        private mutating func scopes(_ table: TOMLTable, nationByDefault: Bool, at: (String?) -> Int?) -> [BlackoutScope] {
            var nation: Bool?
            if let value = table["nation"] {
                if let flag = value.bool { nation = flag } else { note(at("nation"), "nation", "must be true or false") }
            }
            var scopes: [BlackoutScope] = []
            var listed: [String] = []
            for (key, level) in scopeKeys {
                guard let value = table[key] else { continue }
                listed.append(key)
                guard let array = value.array, array.allSatisfy({ $0.string != nil }) else {
                    note(at(key), key, "must be a list of \(level.rawValue) codes, like [\"\(Self.example(level))\"]")
                    continue
                }
                for text in array.compactMap(\.string) {
                    guard let code = region(text, level: level, key: key, at: at) else { continue }
                    if !scopes.contains(.region(code)) { scopes.append(.region(code)) }
                }
            }
            if nation == true {
                if !listed.isEmpty {
                    note(at("nation"), "nation", "nation = true covers every village; leave out \(listed.joined(separator: ", "))")
                    return []
                }
                return [.nation]
            }
            if listed.isEmpty {
                if nationByDefault && nation == nil { return [.nation] }
                let keys = scopeKeys.map(\.key).joined(separator: ", ")
                note(at(nil), "nation", "say where it applies: nation = true, or one of \(keys)")
            }
            return scopes
        }

        private mutating func region(_ text: String, level: RegionCode.Level, key: String, at: (String?) -> Int?) -> RegionCode? {
            let code: RegionCode
            do {
                code = try RegionCode(text)
            } catch {
                note(at(key), key, error.description)
                return nil
            }
            guard code.level == level else {
                note(at(key), key, "\(code) is a \(code.level.rawValue) code; \(key) takes \(level.rawValue) codes")
                return nil
            }
            if let regions {
                let known = level == .province ? regions.province(code) != nil : regions.region(code) != nil
                guard known else {
                    let search = code.parent?.description ?? code.description
                    note(at(key), key, "no \(level.rawValue) has the code \(code) (kaderctl region search \(search))")
                    return nil
                }
            }
            return code
        }

        private static func example(_ level: RegionCode.Level) -> String {
            switch level {
            case .province: "51"
            case .regency: "51.03"
            case .district: "51.03.02"
            case .village: "51.03.02.2001"
            }
        }

        private mutating func note(_ line: Int?, _ key: String, _ message: String) {
            problems.append(BlackoutFileProblem(line: line, message: "\(key): \(message)"))
        }
    }
}
