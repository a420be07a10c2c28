import Foundation

/// Lists and maps of strings, stored as JSON text.
package enum JSONText {
    // Written by hand: every task and history row is encoded on the single writer, where
    // Foundation's encoder cost more than the insert itself.
    package static func encode(_ strings: [String]) -> String {
        var text = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { text.append(",") }
            append(string, to: &text)
        }
        text.append("]")
        return text
    }

    /// Keys sorted, so equal dictionaries are stored as equal text.
    package static func encode(_ dictionary: [String: String]) -> String {
        var text = "{"
        for (index, key) in dictionary.keys.sorted().enumerated() {
            if index > 0 { text.append(",") }
            append(key, to: &text)
            text.append(":")
            append(dictionary[key]!, to: &text)
        }
        text.append("}")
        return text
    }

    private static func append(_ string: String, to text: inout String) {
        text.append("\"")
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text.append("\\\"")
            case "\\": text.append("\\\\")
            case "\n": text.append("\\n")
            case "\r": text.append("\\r")
            case "\t": text.append("\\t")
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text.append("\"")
    }

    package static func strings(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }

    package static func dictionary(_ text: String) -> [String: String] {
        // Most tasks have recorded nothing; a decoder for their "{}" cost more than the rest of the row.
        guard text != "{}" else { return [:] }
        return (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }
}
