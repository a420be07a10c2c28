import Foundation
import Testing

@testable import kaderctl

/// kaderctl does without the parts of Foundation that bring ICU; what it does by hand
/// instead must give what Foundation gave. The tests may link all of Foundation.
@Suite struct FoundationParityTests {
    @Test func showsMachineTimeAsTheDateFormatStyleDoes() {
        let style = Date.VerbatimFormatStyle(
            format: "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits)",
            timeZone: .current, calendar: Calendar(identifier: .gregorian))
        var instants: [Double] = [0, -1, -0.25, 59.999, 86_399.5, 951_782_400, 1_796_000_000.75, 253_402_300_799]
        // Every eleven days or so from 1600 to 2400, at varying times of day.
        var moment = -11_676_096_000.0
        while moment < 13_569_465_600 {
            instants.append(moment)
            moment += 11 * 86_400 + 12_345.678
        }
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            // The zone's name follows: this machine's, from the C library (UTC, WIB, WITA).
            #expect(MachineTime.display(date).hasPrefix(date.formatted(style) + " "), "\(seconds)")
        }
    }

    @Test func trimsAsFoundationDoes() {
        // Every scalar of the Basic Multilingual Plane; neither set has any beyond it.
        for value in 0...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "\(scalar)x\(scalar)"
            #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines), "U+\(String(value, radix: 16))")
            #expect(text.trimmedOfSpaces == text.trimmingCharacters(in: .whitespaces), "U+\(String(value, radix: 16))")
        }
        for text in ["", " ", "  a b  ", "\t\n x \r\n", " \u{301}combining", "\u{3000}\u{200B}"] {
            #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
            #expect(text.trimmedOfSpaces == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }

    @Test func doublesQuotesAsFoundationDid() {
        for text in ["a \"b\" c", "\"\u{301}x\"", "\"", "line\nbreak, \"quoted\""] {
            #expect(CSVWriter.field(text) == "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
        }
    }

    @Test func knowsTodayAsFoundationDoes() {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        let today = Day.today()
        // Around midnight the two readings may straddle it; then the later one is one day on.
        let foundation = Day(year: parts.year!, month: parts.month!, day: parts.day!)!
        #expect(today == foundation || today == foundation.next)
    }
}
