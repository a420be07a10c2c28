import Foundation

/// The form names and queries are compared in: lower case, no diacritics, no apostrophes
/// ("Ba'u" and "Ba’u" both become "bau"), every other run of punctuation or space one space.
/// So "ubúd", "UBUD" and "Ubud" find Ubud, and "sei-rampah" finds "Sei Rampah".
enum SearchFolding {
    static let space = UInt8(ascii: " ")

    static func fold(_ text: String) -> [UInt8] {
        var folded: [UInt8] = []
        append(text, to: &folded)
        return folded
    }

    /// Appends the folded `text` to `output`. Names are nearly all ASCII, which is folded
    /// byte by byte; Foundation's folding is only paid for the rest.
    static func append(_ text: String, to output: inout [UInt8]) {
        let start = output.count
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 { appendASCII(byte, to: &output, from: start) }
        } else {
            let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            for scalar in folded.unicodeScalars {
                if scalar.isASCII {
                    appendASCII(UInt8(scalar.value), to: &output, from: start)
                } else if apostrophes.contains(scalar) {
                    continue
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    output.append(contentsOf: String(scalar).utf8)
                } else {
                    appendSeparator(to: &output, from: start)
                }
            }
        }
        if output.count > start, output.last == space { output.removeLast() }
    }

    private static let apostrophes: Set<Unicode.Scalar> = ["\u{2018}", "\u{2019}", "\u{02BC}"]

    private static func appendASCII(_ byte: UInt8, to output: inout [UInt8], from start: Int) {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): output.append(byte | 0x20)
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): output.append(byte)
        case UInt8(ascii: "'"), UInt8(ascii: "`"): break
        default: appendSeparator(to: &output, from: start)
        }
    }

    private static func appendSeparator(to output: inout [UInt8], from start: Int) {
        if output.count > start, output.last != space { output.append(space) }
    }
}
