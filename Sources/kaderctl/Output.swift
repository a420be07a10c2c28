import Foundation
import KaderRPC

/// Where kaderctl's words go: results on stdout, problems on stderr.
enum Output {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func json(_ value: JSONValue) {
        print(PrettyJSON.render(value))
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("kaderctl: \(message)\n".utf8))
    }

    /// Aligned `label  value` rows, the way `systemctl status` shows facts.
    static func facts(_ rows: [(String, String)], indent: String = "  ") -> String {
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { label, value in
            indent + label + String(repeating: " ", count: width - label.count + 2) + value
        }.joined(separator: "\n")
    }
}

/// Indented JSON for `--json`: one key per line reads well and still parses anywhere.
enum PrettyJSON {
    static func render(_ value: JSONValue, indent: String = "") -> String {
        let inner = indent + "  "
        switch value {
        case .array(let elements) where !elements.isEmpty:
            return "[\n" + elements.map { inner + render($0, indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let members) where !members.isEmpty:
            let lines = members.map { key, member in
                inner + JSONWriter.string(.string(key)) + ": " + render(member, indent: inner)
            }
            return "{\n" + lines.joined(separator: ",\n") + "\n\(indent)}"
        default:
            return JSONWriter.string(value)
        }
    }
}
