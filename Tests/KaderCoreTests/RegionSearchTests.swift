import KaderCore
import Testing

@Suite struct RegionSearchTests {
    let directory = RegionDirectory.shared

    @Test func findsByName() {
        let results = directory.search("Ubud", limit: 5)
        #expect(results.prefix(2).map(\.code.description) == ["51.04.05", "51.04.05.1005"])
        #expect(results.allSatisfy { $0.name.lowercased().contains("ubud") })
    }

    @Test func findsARegencyWithoutItsKind() {
        let results = directory.search("badung", limit: 3)
        #expect(results.contains { $0.code.description == "51.03" && $0.name == "Kabupaten Badung" })
        #expect(directory.search("badung", limit: 1, level: .regency).map(\.name) == ["Kabupaten Badung"])
        #expect(directory.search("denpasar", limit: 1).map(\.name) == ["Kota Denpasar"])
    }

    @Test func ranksExactThenPrefixThenWordThenSubstring() {
        let names = directory.search("badung", limit: 10).map(\.name)
        #expect(names.prefix(2) == ["Badung", "Kabupaten Badung"])
        let wordPrefix = names.firstIndex(of: "Larangan Badung")
        let substring = names.firstIndex(of: "Cibadung")
        #expect(wordPrefix != nil && substring != nil && wordPrefix! < substring!)
        let prefixed = directory.search("ubud", limit: 10).map(\.name)
        #expect(prefixed.prefix(2) == ["Ubud", "Ubud"])
    }

    @Test func breaksTiesByCode() {
        let exact = directory.search("sari", limit: 20).filter { $0.name == "Sari" }
        #expect(exact.count >= 2)
        #expect(exact.map(\.code) == exact.map(\.code).sorted())
    }

    @Test func needsEveryWord() {
        let results = directory.search("kota bandung", limit: 10)
        #expect(results.first?.name == "Kota Bandung")
        #expect(results.allSatisfy { $0.name.lowercased().contains("kota") && $0.name.lowercased().contains("bandung") })
        #expect(directory.search("ubud denpasar", limit: 10).isEmpty)
    }

    @Test(arguments: ["UBUD", "ubúd", "  Ubud  ", "Übud"])
    func ignoresCaseAndDiacritics(query: String) {
        #expect(directory.search(query, limit: 1).first?.code.description == "51.04.05")
    }

    @Test func ignoresApostrophesAndPunctuation() {
        #expect(directory.search("regapuu", limit: 5).map(\.name) == ["Regapu’u"])
        #expect(directory.search("Regapu'u", limit: 5).map(\.name) == ["Regapu’u"])
        #expect(directory.search("lubuk pakam i ii", limit: 1).map(\.name) == ["Lubuk Pakam I,II"])
    }

    @Test func findsByCodePrefixInCodeOrder() {
        let results = directory.search("51.08", limit: 4)
        #expect(results.map(\.code.description) == ["51.08", "51.08.01", "51.08.01.2001", "51.08.01.2002"])
        #expect(directory.search("51.08.01.2001", limit: 5).map(\.name) == ["Sumberklampok"])
        #expect(directory.search("51.0", limit: 1000, level: .regency).count == 8)
        #expect(directory.search("99", limit: 5).isEmpty)
    }

    @Test func filtersByLevel() {
        let villages = directory.search("ubud", limit: 10, level: .village)
        #expect(!villages.isEmpty)
        #expect(villages.allSatisfy { $0.level == .village })
        #expect(directory.search("51", limit: 100, level: .province).map(\.name) == ["Bali"])
    }

    @Test func filtersByRegion() throws {
        let bali = try RegionCode("51")
        let inBali = directory.search("sari", limit: 50, within: bali)
        #expect(!inBali.isEmpty)
        #expect(inBali.allSatisfy { $0.code.isWithin(bali) })
        let badung = try RegionCode("51.03")
        #expect(directory.search("badung", limit: 5, within: badung).map(\.code) == [badung])
        let districts = directory.search("", limit: 100, level: .district, within: badung)
        #expect(districts.map(\.code) == directory.children(of: badung).map(\.code))
        #expect(directory.search("ubud", limit: 5, within: try RegionCode("51.99")).isEmpty)
        #expect(directory.search("51.04", limit: 5, within: badung).isEmpty)
    }

    @Test func respectsTheLimit() {
        #expect(directory.search("a", limit: 7).count == 7)
        #expect(directory.search("51", limit: 3).count == 3)
        #expect(directory.search("ubud", limit: 0).isEmpty)
        #expect(directory.search("ubud", limit: -1).isEmpty)
    }

    @Test func findsNothingForAnUnknownName() {
        #expect(directory.search("qqqzzz", limit: 10).isEmpty)
    }
}
