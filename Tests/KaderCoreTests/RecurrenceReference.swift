import Foundation
import KaderTesting

/// python-dateutil, run through scripts/rrule-reference.py: the independent RFC 5545
/// implementation the recurrence expansion is checked against. One subprocess expands
/// a whole batch, so hundreds of rules cost about a second.
enum RecurrenceReference {
    struct Case: Encodable {
        let rule: String
        let start: String
        let zones: [String]
        let limit: Int
    }

    /// Unix seconds per zone, or dateutil's refusal.
    struct Result: Decodable {
        let occurrences: [String: [Int]]?
        let error: String?
    }

    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    static let python = URL(fileURLWithPath: "/usr/bin/python3")

    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("scripts/rrule-reference.py")

    static func expand(_ cases: [Case]) throws -> [Result] {
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw Unavailable(description: "\(python.path) is missing: run scripts/install-deps")
        }
        // The batch goes in through a file rather than a pipe: a script that dies before
        // reading it must fail this test with its message, not kill the test process
        // with SIGPIPE.
        let batch = FileManager.default.temporaryDirectory
            .appendingPathComponent("rrule-reference-\(UUID().uuidString).json")
        try JSONEncoder().encode(["cases": cases]).write(to: batch)
        defer { try? FileManager.default.removeItem(at: batch) }
        let result = try runBlocking(python.path, [script.path], inputFile: batch.path)
        guard result.status == 0 else {
            let complaint = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            throw Unavailable(
                description: "\(script.lastPathComponent) exited with status \(result.status): \(complaint)")
        }
        let reply = Data(result.stdout.utf8)
        let results = try JSONDecoder().decode([String: [Result]].self, from: reply)["results"] ?? []
        guard results.count == cases.count else {
            throw Unavailable(description: "\(script.lastPathComponent) answered \(results.count) of \(cases.count) cases")
        }
        return results
    }
}
