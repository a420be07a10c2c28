import KaderRPC
import Testing

@Suite struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONParser.parse(#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}, "e": ""} "#)
        #expect(value["a"]?.arrayValue?.count == 5)
        #expect(value["a"]?.arrayValue?[0].intValue == 1)
        #expect(value["a"]?.arrayValue?[1].doubleValue == -2500)
        #expect(value["a"]?.arrayValue?[2...] == [true, false, nil])
        #expect(value["b"]?["c"] == "d")
        #expect(value["e"] == "")
    }

    @Test func keepsNumbersAsWritten() throws {
        for literal in ["12345678901234567890", "1.50", "-0", "1e400", "0.1", "3E+2"] {
            let value = try JSONParser.parse(literal)
            #expect(JSONWriter.string(value) == literal, "\(literal) must round-trip exactly")
        }
        #expect(try JSONParser.parse("3.0").intValue == 3)
        #expect(try JSONParser.parse("3.5").intValue == nil)
    }

    @Test func keepsMemberOrder() throws {
        let text = #"{"z":1,"a":2,"m":3}"#
        #expect(JSONWriter.string(try JSONParser.parse(text)) == text)
    }

    @Test func decodesEscapesAndUnicode() throws {
        let value = try JSONParser.parse(#""a\"b\\c\/d\b\f\n\r\t\u00e9\u20AC\ud83d\ude00 Nyepi""#)
        #expect(value == .string("a\"b\\c/d\u{8}\u{c}\n\r\té€😀 Nyepi"))
        #expect(try JSONParser.parse("\"Pendamping Desa — Bali\"") == "Pendamping Desa — Bali")
    }

    @Test(arguments: [
        ("", "unexpected end of input"),
        ("{", "expected a member name"),
        (#"{"a":1,}"#, "expected a member name"),
        ("[1,]", "expected a value"),
        ("[1 2]", "expected ',' or ']'"),
        ("01", "leading zero"),
        ("1.", "invalid number"),
        ("-", "invalid number"),
        ("1e", "invalid number"),
        ("tru", "invalid literal"),
        ("nul", "invalid literal"),
        (#""abc"#, "unterminated string"),
        ("\"a\nb\"", "unescaped control character"),
        (#""\x""#, "invalid escape"),
        (#""\u12zz""#, "invalid hex digit"),
        (#""\u12""#, "truncated \\u escape"),
        (#""\ud800""#, "unpaired surrogate"),
        (#""\udc00""#, "unpaired surrogate"),
        ("{} {}", "after the JSON value"),
        ("'a'", "expected a value"),
        ("NaN", "expected a value"),
    ])
    func refusesMalformedInput(text: String, reason: String) {
        #expect {
            try JSONParser.parse(text)
        } throws: { error in
            (error as? JSONParseError)?.reason.contains(reason) == true
        }
    }

    @Test func refusesInvalidUTF8() {
        let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
        #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
    }

    @Test func reportsWhereTheProblemIs() {
        #expect(throws: JSONParseError(offset: 4, reason: "unexpected ']', expected a value")) {
            try JSONParser.parse("[1, ]")
        }
    }

    @Test func boundsNesting() throws {
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
        let allowed = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        _ = try JSONParser.parse(allowed)
        // Far deeper than any stack would take, refused quickly rather than crashing.
        let hostile = String(repeating: "{\"a\":", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(hostile) }
    }
}
