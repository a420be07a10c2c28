import Testing

@testable import kaderctl

@Suite struct CSVReaderTests {
    private func read(_ text: String) throws -> [CSVReader.Record] {
        try CSVReader.records(Array(text.utf8))
    }

    @Test func readsPlainRecordsWithTheirLines() throws {
        #expect(try read("a,b\n1,2\n") == [.init(line: 1, fields: ["a", "b"]), .init(line: 2, fields: ["1", "2"])])
    }

    @Test func keepsCommasQuotesAndLineBreaksInsideQuotes() throws {
        let records = try read("name,address\n\"Wenda, Yohanis\",\"Jl. \"\"Raya\"\"\nRT 02\"\nlast,x\n")
        #expect(records[1].fields == ["Wenda, Yohanis", "Jl. \"Raya\"\nRT 02"])
        // The record after a two-line field starts on line 4, where an editor shows it.
        #expect(records[2] == .init(line: 4, fields: ["last", "x"]))
    }

    @Test func acceptsCRLFAByteOrderMarkAndNoFinalNewline() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a,b\r\n1,\r\n2,3".utf8)
        #expect(try CSVReader.records(bytes) == [
            .init(line: 1, fields: ["a", "b"]), .init(line: 2, fields: ["1", ""]), .init(line: 3, fields: ["2", "3"]),
        ])
    }

    @Test func keepsEmptyFieldsAndEmptyLines() throws {
        #expect(try read(",\n\n\"\"\n") == [
            .init(line: 1, fields: ["", ""]), .init(line: 2, fields: [""]), .init(line: 3, fields: [""]),
        ])
    }

    @Test func namesTheLineOfAQuoteThatIsNeverClosed() {
        #expect(throws: CSVReader.Problem(line: 2, message: "a quoted field is never closed")) {
            try read("a,b\n\"open,\n\nmore\n")
        }
    }

    @Test func refusesStrayQuotes() {
        #expect(throws: CSVReader.Problem.self) { try read("a,b\"c\n") }
        #expect(throws: CSVReader.Problem.self) { try read("\"a\"b,c\n") }
    }

    @Test func refusesTextThatIsNotUTF8() {
        #expect(throws: CSVReader.Problem.self) { try CSVReader.records([0x61, 0x0A, 0xFF, 0xFE, 0x0A]) }
    }

    @Test func writesWhatItReads() throws {
        let rows = [["No. Urut", "Alamat"], ["1", "Jl. \"Raya\", RT 02\nBlok B"], ["2", ""]]
        let text = CSVWriter.render(rows)
        #expect(text == "No. Urut,Alamat\r\n1,\"Jl. \"\"Raya\"\", RT 02\nBlok B\"\r\n2,\r\n")
        #expect(try read(text).map(\.fields) == rows)
    }
}
