import Foundation

/// The samples of a Prometheus text exposition, by metric name and labels, so a test can
/// compare two scrapes: `samples["kaderd_rpc_requests_total", ["method": "daemon.status",
/// "outcome": "ok"]]`. Comments (HELP, TYPE) are skipped; a sample absent reads as 0, as a
/// counter not yet created is.
struct PrometheusSamples: Sendable {
    struct Key: Hashable, Sendable {
        let name: String
        let labels: [String: String]
    }

    private(set) var values: [Key: Double] = [:]

    init(_ text: String) {
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            let series = line[..<space]
            guard let brace = series.firstIndex(of: "{") else {
                values[Key(name: String(series), labels: [:])] = value
                continue
            }
            values[Key(name: String(series[..<brace]), labels: Self.labels(series[series.index(after: brace)...].dropLast()))] =
                value
        }
    }

    subscript(name: String, labels: [String: String] = [:]) -> Double {
        values[Key(name: name, labels: labels)] ?? 0
    }

    /// Every label set `name` has a sample for.
    func labelSets(of name: String) -> [[String: String]] {
        values.keys.filter { $0.name == name }.map(\.labels)
    }

    /// `a="x",b="y"`, with the format's escapes (\\, \", \n) inside values.
    private static func labels(_ text: Substring) -> [String: String] {
        var labels: [String: String] = [:]
        var rest = text[...]
        while let equals = rest.firstIndex(of: "=") {
            let name = String(rest[..<equals]).trimmingCharacters(in: [","])
            var value = ""
            var index = rest.index(equals, offsetBy: 2)  // past `="`
            while index < rest.endIndex, rest[index] != "\"" {
                if rest[index] == "\\", rest.index(after: index) < rest.endIndex {
                    index = rest.index(after: index)
                    value.append(rest[index] == "n" ? "\n" : rest[index])
                } else {
                    value.append(rest[index])
                }
                index = rest.index(after: index)
            }
            labels[name] = value
            rest = index < rest.endIndex ? rest[rest.index(after: index)...] : ""
        }
        return labels
    }
}
