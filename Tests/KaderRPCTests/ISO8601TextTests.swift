import Foundation
import KaderRPC
import Testing

/// The hand-written times must be Foundation's, character for character.
@Suite struct ISO8601TextTests {
    private func foundation(_ date: Date, offset: Int) -> String {
        var style = Date.ISO8601FormatStyle(timeZone: TimeZone(secondsFromGMT: offset)!)
        style = style.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .colon)
        return date.formatted(style)
    }

    @Test func writesWhatFoundationWritesAtEveryOffset() {
        var random = SystemRandomNumberGenerator()
        let offsets = [0, 7 * 3600, 8 * 3600, 9 * 3600, -(3 * 3600 + 1800), 8 * 3600 + 2700, -12 * 3600, 14 * 3600]
        // Whole seconds from the year 1000 to 9999, and the edges of days, years, the range and
        // the Gregorian reform (1582-10-15).
        var instants: [Double] = (0..<20_000).map { _ in Double(Int64.random(in: -30_610_224_000...253_402_300_799, using: &random)) }
        instants += [0, -1, 86_399, 86_400, 951_782_400, 1_800_000_000, -30_610_224_000, 253_402_300_799, -12_219_292_800, -12_212_553_600, -12_212_553_601]
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            for offset in offsets {
                if let text = ISO8601Text.string(date, offset: offset) {
                    #expect(text == foundation(date, offset: offset), "\(seconds) at \(offset)")
                }
            }
        }
    }

    @Test func leavesToFoundationWhatItMightWriteDifferently() {
        #expect(ISO8601Text.string(Date(timeIntervalSince1970: -12_219_292_800), offset: 0) == nil)  // 1582-10-15
        #expect(ISO8601Text.string(Date(timeIntervalSince1970: 253_402_300_800), offset: 0) == nil)  // year 10000
        #expect(ISO8601Text.string(Date(timeIntervalSince1970: 0), offset: 7 * 3600 + 432) == nil)  // Jakarta's mean time
        #expect(ISO8601Text.string(Date(timeIntervalSinceReferenceDate: 10.9995), offset: 0) == nil)
        #expect(ISO8601Text.string(Date(timeIntervalSince1970: 1_800_000_000), offset: 8 * 3600) == "2027-01-15T16:00:00+08:00")
    }

    @Test func writesUTCLikeTheISO8601Style() {
        var random = SystemRandomNumberGenerator()
        var instants: [Double] = (0..<20_000).map { _ in Double.random(in: -2e9...5e9, using: &random) }
        // Fractions the store keeps for `updated_at`, some a hair from a whole second.
        instants += (0..<2_000).flatMap { _ -> [Double] in
            let whole = Double(Int64.random(in: 0...4_000_000_000, using: &random))
            return [whole, whole + 0.5, whole - 1e-7, whole + 1e-7, whole + 0.9999999, whole - 0.001]
        }
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(ISO8601Text.utc(date) == date.formatted(.iso8601), "\(seconds)")
        }
    }
}
