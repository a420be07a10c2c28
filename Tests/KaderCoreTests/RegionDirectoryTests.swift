import Foundation
import KaderCore
import Testing

@Suite struct RegionDirectoryTests {
    let directory = RegionDirectory.shared

    @Test func countsEveryLevel() {
        #expect(directory.count(at: .province) == 38)
        #expect(directory.count(at: .regency) == 514)
        #expect(directory.count(at: .district) == 7_285)
        #expect(directory.count(at: .village) == 83_762)
    }

    /// Walking down from the provinces reaches every region once, each under its parent.
    @Test func everyVillageLiesInAProvince() throws {
        let provinceCodes = Set(directory.provinces.map(\.code))
        var counts: [RegionCode.Level: Int] = [:]
        var pending = directory.provinces.map(\.code)
        while let code = pending.popLast() {
            counts[code.level, default: 0] += 1
            let children = directory.children(of: code)
            for child in children {
                #expect(child.code.parent == code)
                #expect(child.code.level == code.level.child)
            }
            pending.append(contentsOf: children.map(\.code))
            if code.level == .village {
                #expect(code.villageKind != nil)
                #expect(provinceCodes.contains(code.province))
                #expect(try RegionCode(code.description) == code)
            }
        }
        #expect(counts == [.province: 38, .regency: 514, .district: 7_285, .village: 83_762])
    }

    @Test func namesARegion() throws {
        let ubud = try #require(directory.region(RegionCode("51.04.05")))
        #expect(ubud.name == "Ubud")
        #expect(ubud.level == .district)
        #expect(try directory.name(of: RegionCode("51.03")) == "Kabupaten Badung")
        #expect(try directory.name(of: RegionCode("51")) == "Bali")
    }

    @Test func knowsNothingOfAnUnknownRegion() throws {
        let unknownVillage = try RegionCode("51.08.01.2999")
        #expect(directory.region(unknownVillage) == nil)
        #expect(directory.name(of: unknownVillage) == nil)
        #expect(directory.path(of: unknownVillage).isEmpty)
        #expect(directory.children(of: try RegionCode("51.99")).isEmpty)
    }

    @Test func leadsFromTheProvinceDownToAVillage() throws {
        let path = try directory.path(of: RegionCode("51.04.05.1005"))
        #expect(path.map(\.code.description) == ["51", "51.04", "51.04.05", "51.04.05.1005"])
        #expect(path.map(\.name) == ["Bali", "Kabupaten Gianyar", "Ubud", "Ubud"])
        #expect(try directory.path(of: RegionCode("51")).map(\.name) == ["Bali"])
    }

    @Test func listsChildrenInCodeOrder() throws {
        let bali = try directory.children(of: RegionCode("51"))
        #expect(bali.count == 9)
        #expect(bali.first?.name == "Kabupaten Jembrana")
        #expect(bali.last?.name == "Kota Denpasar")
        #expect(bali.map(\.code) == bali.map(\.code).sorted())
        #expect(try directory.children(of: RegionCode("51.04.05.1005")).isEmpty)
    }

    @Test func keepsNamesWithCommasAndTrimsStraySpaces() throws {
        #expect(try directory.name(of: RegionCode("12.07.28.1007")) == "Lubuk Pakam I,II")
        #expect(try directory.name(of: RegionCode("31.72"))?.hasSuffix(" ") == false)
    }

    @Test func travelsWithItsLevel() throws {
        let region = try #require(directory.region(RegionCode("51.04.05")))
        let data = try JSONEncoder().encode(region)
        let json = try JSONSerialization.jsonObject(with: data) as? [String: String]
        #expect(json == ["code": "51.04.05", "name": "Ubud", "level": "district"])
        #expect(try JSONDecoder().decode(Region.self, from: data) == region)
    }
}
