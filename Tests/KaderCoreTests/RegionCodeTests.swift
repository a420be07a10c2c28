import Foundation
import KaderCore
import Testing

@Suite struct RegionCodeTests {
    @Test(arguments: [
        ("51", RegionCode.Level.province),
        ("51.08", .regency),
        ("51.08.01", .district),
        ("51.08.01.2001", .village),
    ])
    func tellsItsLevel(text: String, level: RegionCode.Level) throws {
        let code = try RegionCode(text)
        #expect(code.level == level)
        #expect(code.description == text)
    }

    @Test func walksUpToItsProvince() throws {
        let village = try RegionCode("51.08.01.2001")
        #expect(village.parent?.description == "51.08.01")
        #expect(village.parent?.parent?.description == "51.08")
        #expect(village.parent?.parent?.parent?.description == "51")
        #expect(village.parent?.parent?.parent?.parent == nil)
        for text in ["51", "51.08", "51.08.01", "51.08.01.2001"] {
            #expect(try RegionCode(text).province == RegionCode("51"), "\(text)")
        }
    }

    @Test(arguments: ["51.8", "5", "51.08.01.200", "51.08.1.2001", "ab", "", "51-08", "51.08.01.2001.1", " 51", "５１"])
    func refusesAMalformedCode(text: String) {
        let error = #expect(throws: RegionCodeError.self) { try RegionCode(text) }
        #expect(error == .malformed(text))
        #expect(error?.description == "\"\(text)\" is not a region code: expected a province (51), "
            + "a regency (51.08), a district (51.08.01) or a village (51.08.01.2001), with or without the dots")
    }

    /// Spreadsheets and forms hold codes without their dots; the help calls a village code 10 digits.
    @Test func readsACodeWithoutItsDots() throws {
        #expect(try RegionCode("5103022001").description == "51.03.02.2001")
        #expect(try RegionCode("510302").description == "51.03.02")
        #expect(try RegionCode("5103").level == .regency)
        #expect(throws: RegionCodeError.malformed("51030220")) { try RegionCode("51030220") }
        #expect(throws: RegionCodeError.unknownVillageKind("51.03.02.4001")) { try RegionCode("5103024001") }
    }

    @Test func refusesAVillageOfNoKnownKind() {
        let error = #expect(throws: RegionCodeError.self) { try RegionCode("51.08.01.4001") }
        #expect(error == .unknownVillageKind("51.08.01.4001"))
        #expect(error?.description == "\"51.08.01.4001\" is not a region code: a village number starts with "
            + "1 (kelurahan), 2 (desa) or 3 (desa adat), not 4")
        #expect(throws: RegionCodeError.unknownVillageKind("51.08.01.0001")) { try RegionCode("51.08.01.0001") }
    }

    @Test func shortensALongInputInItsMessage() {
        let pasted = String(repeating: "51.08.01.2001 ", count: 20)
        let error = #expect(throws: RegionCodeError.self) { try RegionCode(pasted) }
        #expect(error?.input == pasted)
        #expect(error?.description.hasPrefix("\"\(pasted.prefix(40))…\" is not a region code") == true)
    }

    @Test func tellsTheKindOfAVillage() throws {
        #expect(try RegionCode("51.71.01.1001").villageKind == .kelurahan)
        #expect(try RegionCode("51.08.01.2001").villageKind == .desa)
        #expect(try RegionCode("51.08.01.3001").villageKind == .desaAdat)
        #expect(try RegionCode("51.08.01").villageKind == nil)
        #expect(try RegionCode("51").villageKind == nil)
    }

    @Test func nestsByCode() throws {
        let bali = try RegionCode("51")
        let buleleng = try RegionCode("51.08")
        let village = try RegionCode("51.08.01.2001")
        #expect(bali.contains(village))
        #expect(buleleng.contains(village))
        #expect(village.isWithin(bali))
        #expect(buleleng.contains(buleleng))
        #expect(!village.contains(buleleng))
        #expect(!buleleng.contains(try RegionCode("51.09")))
        #expect(try !RegionCode("52").contains(village))
    }

    @Test func sortsByCodeText() throws {
        let codes = try ["51.08.01", "11", "51", "51.08.01.2001", "51.08", "51.09", "11.01"].map(RegionCode.init)
        #expect(codes.sorted().map(\.description) == ["11", "11.01", "51", "51.08", "51.08.01", "51.08.01.2001", "51.09"])
    }

    @Test func travelsAsAJSONString() throws {
        let code = try RegionCode("51.08.01.2001")
        let json = try JSONEncoder().encode([code])
        #expect(String(decoding: json, as: UTF8.self) == #"["51.08.01.2001"]"#)
        #expect(try JSONDecoder().decode([RegionCode].self, from: json) == [code])
    }

    @Test func saysWhyItCannotBeDecoded() {
        let error = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([RegionCode].self, from: Data(#"["51.8"]"#.utf8))
        }
        guard case .dataCorrupted(let context)? = error else {
            Issue.record("expected dataCorrupted, got \(String(describing: error))")
            return
        }
        #expect(context.debugDescription.hasPrefix("\"51.8\" is not a region code: expected a province (51)"))
        #expect(context.codingPath.count == 1)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RegionCode.self, from: Data("51".utf8)) }
    }
}
