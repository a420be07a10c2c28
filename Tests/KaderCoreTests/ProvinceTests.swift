import Foundation
import KaderCore
import Testing

@Suite struct ProvinceTests {
    let directory = RegionDirectory.shared

    @Test func knowsAll38InCodeOrder() {
        #expect(directory.provinces.count == 38)
        #expect(directory.provinces.map(\.code) == directory.provinces.map(\.code).sorted())
        #expect(directory.provinces.first?.name == "Aceh")
        #expect(directory.provinces.last?.name == "Papua Barat Daya")
    }

    @Test(arguments: [
        ("11", "Aceh", IndonesianZone.wib, "Asia/Jakarta"),
        ("51", "Bali", .wita, "Asia/Makassar"),
        ("61", "Kalimantan Barat", .wib, "Asia/Pontianak"),
        ("65", "Kalimantan Utara", .wita, "Asia/Makassar"),
        ("91", "Papua", .wit, "Asia/Jayapura"),
    ])
    func liesInItsTimeZone(code: String, name: String, zone: IndonesianZone, iana: String) throws {
        let province = try #require(directory.province(RegionCode(code)))
        #expect(province.name == name)
        #expect(province.zone == zone)
        #expect(province.ianaIdentifier == iana)
        #expect(province.timeZone.identifier == iana)
        #expect(province.timeZone.secondsFromGMT() == zone.utcOffsetSeconds)
        #expect(IndonesianZone.abbreviation(for: province.timeZone) == zone.rawValue)
    }

    @Test func everyProvinceShowsItsOwnZone() {
        for province in directory.provinces {
            #expect(IndonesianZone(province.timeZone) == province.zone, "\(province.code) \(province.name)")
        }
    }

    @Test func isFoundForAnyCodeInside() throws {
        #expect(try directory.province(RegionCode("51.04.05.1005"))?.name == "Bali")
        #expect(try directory.province(RegionCode("51.04"))?.name == "Bali")
        // Not a village in the data, yet its code places it in Bali.
        #expect(try directory.province(RegionCode("51.99.99.2999"))?.name == "Bali")
        #expect(try directory.timeZone(of: RegionCode("91.01.01.2001"))?.identifier == "Asia/Jayapura")
        #expect(try directory.province(RegionCode("99")) == nil)
        #expect(try directory.timeZone(of: RegionCode("99.01")) == nil)
    }

    @Test func travelsAsTheReferenceColumns() throws {
        let bali = try #require(directory.province(RegionCode("51")))
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(bali)) as? [String: String]
        #expect(json == ["code": "51", "name": "Bali", "zone": "WITA", "iana": "Asia/Makassar"])
    }
}
