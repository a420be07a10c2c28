/// Finds the line of an entry or of one of its keys in a blackout file, so that a problem
/// found in the parsed table can point at the text: the i-th `[[blackout]]` or `[[remove]]`
/// header, a key inside that block (its header when the key is absent), or a top-level key.
struct BlackoutFileLines {
    private let lines: [Substring]
    private var headers: [String: [Int]] = [:]

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let compact = line.filter { $0 != " " && $0 != "\t" }
            guard compact.hasPrefix("[[") else { continue }
            let name = compact.dropFirst(2).prefix { $0 != "]" }
            headers[String(name), default: []].append(index)
        }
    }

    /// The line of the `index`-th `[[table]]` header, or of `key` inside its block.
    func line(of table: String, _ index: Int, key: String? = nil) -> Int? {
        guard let header = headers[table]?[safe: index] else { return top(table) }
        guard let key else { return header + 1 }
        let end = lines.indices[(header + 1)...].first { lines[$0].drop { $0 == " " || $0 == "\t" }.hasPrefix("[") } ?? lines.count
        return find(key, in: (header + 1)..<end) ?? header + 1
    }

    /// The line of a key set before the first table.
    func top(_ key: String) -> Int? {
        let firstTable = lines.indices.first { lines[$0].drop { $0 == " " || $0 == "\t" }.hasPrefix("[") } ?? lines.count
        return find(key, in: 0..<firstTable) ?? headers[key]?.first.map { $0 + 1 }
    }

    private func find(_ key: String, in range: Range<Int>) -> Int? {
        for number in range {
            let trimmed = lines[number].drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix(key), trimmed.dropFirst(key.count).drop(while: { $0 == " " || $0 == "\t" }).first == "=" {
                return number + 1
            }
        }
        return nil
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
