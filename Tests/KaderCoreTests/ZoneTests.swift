import Foundation
import KaderCore
import Testing

@Suite struct ZoneTests {
    @Test func hasTheOffsetsOfIndonesia() {
        #expect(IndonesianZone.wib.utcOffsetSeconds == 7 * 3600)
        #expect(IndonesianZone.wita.utcOffsetSeconds == 8 * 3600)
        #expect(IndonesianZone.wit.utcOffsetSeconds == 9 * 3600)
        #expect(IndonesianZone.allCases.map(\.rawValue) == ["WIB", "WITA", "WIT"])
    }

    @Test(arguments: [
        ("Asia/Jakarta", "WIB"), ("Asia/Pontianak", "WIB"), ("Asia/Makassar", "WITA"),
        ("Asia/Ujung_Pandang", "WITA"), ("Asia/Jayapura", "WIT"),
    ])
    func namesIndonesianTimeZones(identifier: String, abbreviation: String) throws {
        let timeZone = try #require(TimeZone(identifier: identifier))
        #expect(IndonesianZone(timeZone)?.rawValue == abbreviation)
        #expect(IndonesianZone.abbreviation(for: timeZone) == abbreviation)
    }

    @Test func leavesOtherTimeZonesToFoundation() throws {
        let bangkok = try #require(TimeZone(identifier: "Asia/Bangkok"))
        #expect(IndonesianZone(bangkok) == nil)
        #expect(IndonesianZone.abbreviation(for: bangkok) != "WIB")
        let fixed = try #require(TimeZone(secondsFromGMT: 7 * 3600))
        #expect(IndonesianZone(fixed) == nil)
        #expect(IndonesianZone.abbreviation(for: try #require(TimeZone(identifier: "UTC"))) != "")
    }

    /// Jakarta kept UTC+7:30 until 1964: that was no zone of today's three.
    @Test func namesAZoneOnlyAtTheOffsetItHadThen() throws {
        let jakarta = try #require(TimeZone(identifier: "Asia/Jakarta"))
        let in1960 = Date(timeIntervalSince1970: -315_619_200)
        #expect(IndonesianZone(jakarta, at: in1960) == nil)
    }
}
