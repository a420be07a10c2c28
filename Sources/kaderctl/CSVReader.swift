/// An RFC 4180 reader that remembers where each record starts, so a problem in a row can be
/// reported as `FILE:LINE`, the line an editor shows, even when quoted fields span lines.
///
/// Accepts CRLF or LF line ends and a UTF-8 byte-order mark (spreadsheets write both), and
/// fields separated by commas, semicolons (what a spreadsheet saves in an Indonesian locale,
/// where the comma is the decimal mark) or tabs: whichever the header line uses most.
enum CSVReader {
    struct Record: Equatable {
        /// The line the record starts on, counting from 1.
        var line: Int
        var fields: [String]
    }

    struct Problem: Error, Equatable, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "line \(line): \(message)" }
    }

    static func records(_ bytes: [UInt8]) throws(Problem) -> [Record] {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var parser = Parser(separator: separator(of: bytes))
        for byte in bytes { try parser.consume(byte) }
        return try parser.finish()
    }

    /// The separator the first line uses most, outside quotes; a comma when it uses none.
    static func separator(of bytes: ArraySlice<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [:]
        var quoted = false
        for byte in bytes {
            if byte == quote { quoted.toggle() }
            if !quoted, byte == lf || byte == cr { break }
            if !quoted, [comma, semicolon, tab].contains(byte) { counts[byte, default: 0] += 1 }
        }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key != comma) }?.key ?? comma
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let semicolon = UInt8(ascii: ";")
    private static let tab = UInt8(ascii: "\t")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    private struct Parser {
        enum State {
            case fieldStart
            case unquoted
            case quoted
            /// A quote inside a quoted field: the end of the field, or the first of a pair.
            case quoteInQuoted
            /// After a CR that ends a record: an LF here belongs to it.
            case afterCR
        }

        let separator: UInt8
        var state = State.fieldStart
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var field: [UInt8] = []
        var fields: [String] = []
        var records: [Record] = []

        init(separator: UInt8) {
            self.separator = separator
        }

        mutating func consume(_ byte: UInt8) throws(Problem) {
            switch state {
            case .afterCR:
                state = .fieldStart
                if byte == lf { return }
                try consume(byte)
            case .fieldStart, .unquoted:
                switch byte {
                case separator: try endField()
                case cr:
                    try endRecord()
                    state = .afterCR
                case lf: try endRecord()
                case quote where state == .fieldStart:
                    state = .quoted
                    quoteLine = line
                case quote:
                    throw Problem(line: line, message: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
                default:
                    field.append(byte)
                    state = .unquoted
                }
            case .quoted:
                if byte == quote {
                    state = .quoteInQuoted
                } else {
                    if byte == lf { line += 1 }
                    field.append(byte)
                }
            case .quoteInQuoted:
                switch byte {
                case quote:
                    field.append(quote)
                    state = .quoted
                case separator: try endField()
                case cr:
                    try endRecord()
                    state = .afterCR
                case lf: try endRecord()
                default:
                    throw Problem(line: line, message: "text after a closing quote; a quote inside a quoted field is written twice (\"\")")
                }
            }
        }

        mutating func finish() throws(Problem) -> [Record] {
            switch state {
            case .quoted:
                throw Problem(line: quoteLine, message: "a quoted field is never closed")
            case .unquoted, .quoteInQuoted:
                try endRecord()
            case .fieldStart where !fields.isEmpty:
                try endRecord()
            case .fieldStart, .afterCR:
                break
            }
            return records
        }

        private mutating func endField() throws(Problem) {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw Problem(line: line, message: "the text is not UTF-8; save the file as CSV UTF-8")
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
            state = .fieldStart
        }

        private mutating func endRecord() throws(Problem) {
            try endField()
            records.append(Record(line: recordLine, fields: fields))
            fields.removeAll()
            line += 1
            recordLine = line
        }
    }
}
