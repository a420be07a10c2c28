/// RFC 4180 output: every record ends in CRLF, and a field is quoted when it holds a comma,
/// a quote or a line break, with its quotes doubled. Spreadsheets open it as is.
enum CSVWriter {
    static func render(_ records: [[String]]) -> String {
        records.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
