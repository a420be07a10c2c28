/// Rows under a header, each column as wide as its widest cell, two spaces apart: what
/// people read in a terminal and what `cut`/`awk` users can still split.
struct Table {
    var headers: [String]
    var rows: [[String]] = []

    init(_ headers: [String], rows: [[String]] = []) {
        self.headers = headers
        self.rows = rows
    }

    mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table as lines; the last column is not padded, so no line ends in spaces.
    func render() -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in
            all.map { column < $0.count ? Self.cleaned($0[column]).count : 0 }.max() ?? 0
        }
        return all.map { row in
            headers.indices.map { column -> String in
                let cell = column < row.count ? Self.cleaned(row[column]) : ""
                guard column < headers.count - 1 else { return cell }
                return cell + String(repeating: " ", count: widths[column] - cell.count)
            }
            .joined(separator: "  ")
            .trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }

    /// A cell shows on one line: a line break inside it would tear the table apart.
    private static func cleaned(_ cell: String) -> String {
        guard cell.contains(where: \.isNewline) else { return cell }
        return cell.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
