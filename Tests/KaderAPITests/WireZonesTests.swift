import Foundation
import KaderEngine
import Testing

@testable import KaderAPI

/// Times put on the wire through the zone cache read as Foundation writes them, across
/// offset changes (Jakarta's past ones, Berlin's summer time) and in any order.
@Suite struct WireZonesTests {
    @Test func writesWhatFoundationWrites() throws {
        let identifiers = [
            "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Pontianak", "Europe/Berlin", "America/St_Johns",
            "Europe/London", "UTC", "Australia/Eucla", "Not/AZone",
        ]
        var random = SystemRandomNumberGenerator()
        // From 1900 to 2060: hourly around Berlin's and Jakarta's changes, random elsewhere.
        var instants = (0..<4_000).map { _ in Double(Int64.random(in: -2_208_988_800...2_840_140_800, using: &random)) }
        instants += stride(from: 1_806_274_800.0 - 86_400, to: 1_806_274_800 + 86_400, by: 900)  // 2027-03-28
        instants += stride(from: -189_415_800.0 - 86_400, to: -189_415_800 + 86_400, by: 900)  // 1964-01-01 in Jakarta
        for order in [instants.sorted(), instants.sorted().reversed(), instants] {
            var zones = WireZones()
            for seconds in order {
                let date = Date(timeIntervalSince1970: seconds)
                let identifier = identifiers.randomElement(using: &random)!
                let zone = TimeZone(identifier: identifier) ?? .gmt
                #expect(zones.string(date, in: identifier) == ISO8601.string(date, in: zone), "\(seconds) in \(identifier)")
            }
        }
    }

    @Test func namesIndonesiasZones() {
        var zones = WireZones()
        #expect(zones.abbreviation(of: "Asia/Makassar") == "WITA")
        #expect(zones.abbreviation(of: "Asia/Jayapura") == "WIT")
        #expect(zones.abbreviation(of: "Asia/Pontianak") == "WIB")
    }
}
