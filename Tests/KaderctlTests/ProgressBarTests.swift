import Testing

@testable import kaderctl

@Suite struct ProgressBarTests {
    @Test func fillsInProportionAndGroupsTheThousands() {
        #expect(
            ProgressBar.line(done: 45_000, total: 100_000, unit: "rows checked")
                == "[█████████████░░░░░░░░░░░░░░░░░] 45,000 of 100,000 rows checked")
        #expect(ProgressBar.line(done: 0, total: 7, unit: "rows").hasPrefix("[" + String(repeating: "░", count: 30) + "] 0 of 7"))
        #expect(ProgressBar.line(done: 7, total: 7, unit: "rows").hasPrefix("[" + String(repeating: "█", count: 30) + "] 7 of 7"))
        #expect(Count.grouped(1_234_567) == "1,234,567" && Count.grouped(999) == "999" && Count.grouped(1000) == "1,000")
    }
}
