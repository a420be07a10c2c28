import Foundation
import KaderCore
import KaderTesting
import Testing

/// Every occurrence of hundreds of generated rules, in the zones of Indonesia's provinces
/// and in UTC, must be the instant python-dateutil computes. New York is there too: its
/// clock changes check the conversions that Indonesia, without daylight saving time,
/// never exercises.
@Suite struct RecurrenceReferenceTests {
    static let zones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "UTC", "America/New_York"]
    static let limit = 25

    @Test func agreesWithDateutilOnGeneratedRules() async throws {
        var generator = RecurrenceRuleGenerator(seed: 20_260_105)
        let samples = generator.samples(perShape: 2)
        var rules: [RecurrenceRule] = []
        for sample in samples {
            let rule = try #require(try? RecurrenceRule(parsing: sample.text), "refused \(sample.text)")
            #expect(try RecurrenceRule(parsing: rule.description) == rule, "\(sample.text) printed as \(rule)")
            rules.append(rule)
        }
        // One rule that never matches: dateutil searches to the year 9999 for it, kaderd
        // gives up after a 400-year cycle, and both must find nothing.
        let never = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"
        let compared = try await compare(
            rules + [try RecurrenceRule(parsing: never)],
            samples.map { ($0.referenceText, $0.start) } + [(never, try LocalDateTime(parsing: "2026-01-31T09:00:00"))])
        #expect(samples.count >= 500)
        #expect(compared >= 20_000, "too few occurrences compared to mean much")
        let coverage: [(String, (RecurrenceRule) -> Bool)] = [
            ("INTERVAL", { $0.interval > 1 }),
            ("COUNT", { if case .count = $0.end { true } else { false } }),
            ("UNTIL as a date", { if case .untilDate = $0.end { true } else { false } }),
            ("UNTIL as a local date-time", { if case .untilLocal = $0.end { true } else { false } }),
            ("UNTIL in UTC", { if case .untilUTC = $0.end { true } else { false } }),
            ("BYMONTH", { !$0.byMonth.isEmpty }),
            ("BYMONTHDAY from the end", { $0.byMonthDay.contains { $0 < 0 } }),
            ("BYDAY", { $0.byDay.contains { $0.ordinal == nil } }),
            ("BYDAY numbered", { $0.byDay.contains { ($0.ordinal ?? 0) > 0 } }),
            ("BYDAY numbered from the end", { $0.byDay.contains { ($0.ordinal ?? 0) < 0 } }),
            ("BYDAY numbered within the year", {
                $0.frequency == .yearly && $0.byMonth.isEmpty && $0.byDay.contains { $0.ordinal != nil }
            }),
            ("BYSETPOS", { !$0.bySetPosition.isEmpty }),
            ("BYSETPOS from the end", { $0.bySetPosition.contains { $0 < 0 } }),
            ("WKST", { $0.weekStart != .monday }),
            ("WEEKLY with WKST and INTERVAL", { $0.frequency == .weekly && $0.weekStart != .monday && $0.interval > 1 }),
        ]
        for (part, isUsed) in coverage {
            #expect(rules.count(where: isUsed) >= 10, "too few rules with \(part)")
        }
        let starts = samples.map(\.start.date)
        #expect(starts.contains { $0.month == 2 && $0.day == 29 }, "no start on a leap day")
        #expect(starts.count { $0.day == LocalDate.numberOfDays(inMonth: $0.month, year: $0.year) } >= 100)
        print("Compared \(compared) occurrences of \(samples.count) generated rules in \(Self.zones.count) zones")
    }

    /// Compares each rule's occurrences from its start in every zone, recording every
    /// difference; returns how many occurrences agreed.
    private func compare(
        _ rules: [RecurrenceRule], _ references: [(text: String, start: LocalDateTime)]
    ) async throws -> Int {
        let cases = references.map {
            RecurrenceReference.Case(rule: $0.text, start: $0.start.description, zones: Self.zones, limit: Self.limit)
        }
        // On a thread of its own: Python's seconds must not hold a cooperative thread that the
        // test process's in-process servers need.
        let results = try await onThread { try RecurrenceReference.expand(cases) }
        var agreed = 0
        for (index, rule) in rules.enumerated() {
            let (text, start) = references[index]
            guard let expected = results[index].occurrences else {
                Issue.record("dateutil could not expand \(text): \(results[index].error ?? "")")
                continue
            }
            for name in Self.zones {
                let zone = try #require(TimeZone(identifier: name))
                let actual = rule.occurrences(from: start, in: zone, limit: Self.limit)
                    .map { Int($0.timeIntervalSince1970) }
                let wanted = expected[name] ?? []
                if actual == wanted {
                    agreed += actual.count
                } else {
                    Issue.record("""
                        \(text) from \(start) in \(name):
                          kaderd:   \(Self.describe(actual, in: zone))
                          dateutil: \(Self.describe(wanted, in: zone))
                        """)
                }
            }
        }
        return agreed
    }

    private static func describe(_ instants: [Int], in zone: TimeZone) -> String {
        instants.map { LocalDateTime(Date(timeIntervalSince1970: TimeInterval($0)), in: zone).description }
            .joined(separator: " ")
    }
}
