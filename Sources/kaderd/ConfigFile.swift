import Foundation
import TOMLKit

/// The settings `kaderd.toml` may hold. Every key is optional: a missing file or key means
/// the default.
struct ConfigFile: Decodable, Equatable {
    var socket: String?
    var stateDir: String?
    var logLevel: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case socket
        case stateDir = "state_dir"
        case logLevel = "log_level"
    }

    /// A configuration problem, worded for the sysadmin who has to fix the file.
    struct Problem: Error, Equatable, CustomStringConvertible {
        var file: String
        var line: Int?
        var message: String

        var description: String {
            if let line { return "\(file):\(line): \(message)" }
            return "\(file): \(message)"
        }
    }

    /// Reads and checks a config file; unknown keys and wrong types are refused, not ignored,
    /// so a misspelt setting never silently falls back to its default.
    static func load(path: String) throws(Problem) -> ConfigFile {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw Problem(file: path, line: nil, message: "cannot read the file: \(Self.reason(error))")
        }
        return try parse(text, file: path)
    }

    static func parse(_ text: String, file: String) throws(Problem) -> ConfigFile {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw Problem(file: file, line: error.source.begin.line, message: "not valid TOML: \(error.description)")
        } catch {
            throw Problem(file: file, line: nil, message: "not valid TOML: \(error)")
        }
        let known = CodingKeys.allCases.map(\.rawValue)
        for key in table.keys where !known.contains(key) {
            throw Problem(
                file: file, line: line(of: key, in: text),
                message: "unknown key '\(key)' (known keys: \(known.joined(separator: ", ")))")
        }
        do {
            return try TOMLDecoder().decode(ConfigFile.self, from: table)
        } catch let DecodingError.typeMismatch(type, context) {
            let key = context.codingPath.first?.stringValue ?? "?"
            throw Problem(file: file, line: line(of: key, in: text), message: "'\(key)' must be a \(type == String.self ? "string" : "\(type)")")
        } catch {
            throw Problem(file: file, line: nil, message: "\(error)")
        }
    }

    /// The line where a top-level key is set, for pointing the reader at it.
    private static func line(of key: String, in text: String) -> Int? {
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix(key),
                trimmed.dropFirst(key.count).drop(while: { $0 == " " || $0 == "\t" }).first == "="
            {
                return number + 1
            }
        }
        return nil
    }

    private static func reason(_ error: any Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        return error.localizedDescription
    }
}
