import KaderRPC
import Testing

@Suite struct JSONWriterTests {
    @Test func writesCompactJSON() {
        let value: JSONValue = ["a": [1, "two", nil, true], "b": [:]]
        #expect(JSONWriter.string(value) == #"{"a":[1,"two",null,true],"b":{}}"#)
    }

    @Test func neverWritesARawNewline() throws {
        let value: JSONValue = ["text": "line one\nline two\r\u{1}\u{1f}\"\\"]
        let bytes = JSONWriter.bytes(value)
        #expect(!bytes.contains(0x0A))
        #expect(!bytes.contains(0x0D))
        #expect(JSONWriter.string(value) == #"{"text":"line one\nline two\r\u0001\u001f\"\\"}"#)
        #expect(try JSONParser.parse(bytes) == value)
    }

    @Test func roundTripsThroughCodable() throws {
        struct Sample: Codable, Equatable {
            var name: String
            var count: Int
            var ratio: Double
            var tags: [String]
        }
        let sample = Sample(name: "Ni Luh", count: 3, ratio: 0.25, tags: ["KPMD", "Bali"])
        let json = try JSONValue(encoding: sample)
        #expect(json["name"] == "Ni Luh")
        #expect(try json.decode(Sample.self) == sample)
    }
}

@Suite struct JSONWriterStringTests {
    /// Escapes at either end and between runs of plain and multi-byte text.
    @Test func escapesOnlyWhatJSONRequires() throws {
        let text = "\"ünïcödé\\ 日本 🎉\t\u{0}x/\u{7f}\n"
        let value: JSONValue = [text: .string(text)]
        let escaped = #""\"ünïcödé\\ 日本 🎉\t\u0000x/\#u{7f}\n""#
        #expect(JSONWriter.string(value) == "{\(escaped):\(escaped)}")
        #expect(try JSONParser.parse(JSONWriter.bytes(value)) == value)
        #expect(JSONWriter.string(.string("")) == #""""#)
    }

    @Test func writesAReplyAroundAnEncodedResultAsItWouldWholeResponse() throws {
        let results: [JSONValue] = [["a": [1, "two", nil], "é": "\n"], "text", 3.25, [], nil]
        for id in [RPCID.number(JSONNumber(7)), .string("req-\"1\""), .number(JSONNumber(-1))] {
            for result in results {
                let whole = JSONWriter.bytes(RPCResponse(id: id, result: result).json)
                #expect(RPCResponse.bytes(id: id, result: EncodedJSON(result)) == whole)
            }
        }
    }
}

@Suite struct JSONNumberTests {
    /// `daemon.status` writes its uptime from whole milliseconds; the text must be what
    /// the rounded double wrote before, so clients see the same numbers.
    @Test func thousandthsAreWrittenAsTheDoubleWouldBe() {
        let samples: [Int64] = Array(0...2_500) + [59_999, 86_400_000, 86_400_001, 31_536_000_123, 999_999_999_999, -1, -1_500]
        for thousandths in samples {
            let expected = JSONNumber(Double(thousandths) / 1000).literal
            #expect(JSONNumber(thousandths: thousandths).literal == expected, "\(thousandths)")
        }
    }
}
