#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KaderClient
import KaderRPC

/// Where kaderctl's words go: results on stdout, problems on stderr.
enum Output {
    static func print(_ text: String) {
        write(text + "\n")
    }

    /// A table, or for an empty list a note on stderr, so nobody reads a bare header as a fault.
    static func list(_ table: Table, empty: String) {
        if table.rows.isEmpty { error(empty) } else { print(table.render()) }
    }

    /// Text exactly as given, for formats that bring their own line ends (CSV).
    static func write(_ text: String) {
        StandardStream.output.write(text)
    }

    static func json(_ value: JSONValue) {
        print(PrettyJSON.render(value))
    }

    static func error(_ message: String) {
        errorLine("kaderctl: \(message)")
    }

    /// A line on stderr exactly as given, for problems that carry their own place (`FILE:LINE:`).
    static func errorLine(_ line: String) {
        StandardStream.error.write(line + "\n")
    }

    /// Whether failures go to stderr as JSON, for scripts: the command line asks for `--json`.
    /// Read from the arguments, since a failure may come before or while they are parsed.
    static let errorsAsJSON = CommandLine.arguments.dropFirst().contains("--json")

    /// Whether a person is watching stderr: progress is for them, never for logs and pipes.
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// A progress note, shown only to a person at a terminal.
    static func progress(_ message: String) {
        guard stderrIsTerminal else { return }
        error(message)
    }

    /// Aligned `label  value` rows, the way `systemctl status` shows facts; a fact with no
    /// value is left out rather than shown blank.
    static func facts(_ rows: [(String, String)], indent: String = "  ") -> String {
        let rows = rows.filter { !$0.1.isEmpty }
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
