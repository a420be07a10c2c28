import Foundation

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
        let process = Process()
        process.executableURL = python
        process.arguments = [script.path]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // The script reads all its input before writing, so writing first cannot deadlock.
        input.fileHandleForWriting.write(try JSONEncoder().encode(["cases": cases]))
        try input.fileHandleForWriting.close()
        let reply = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Unavailable(
                description: "\(script.lastPathComponent) exited with status \(process.terminationStatus): \(complaint)")
        }
        let results = try JSONDecoder().decode([String: [Result]].self, from: reply)["results"] ?? []
        guard results.count == cases.count else {
            throw Unavailable(description: "\(script.lastPathComponent) answered \(results.count) of \(cases.count) cases")
        }
        return results
    }
}
