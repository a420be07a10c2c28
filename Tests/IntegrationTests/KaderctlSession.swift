import Foundation
import KaderRPC
import KaderTesting
import Testing

/// The real kaderctl against a real kaderd of its own, as a person or a script uses it.
struct KaderctlSession {
    let daemon: KaderdProcess
    let executable: String

    init() async throws {
        try await self.init(daemon: KaderdProcess(directory: TemporaryDirectory()))
    }

    /// A session with a daemon of the caller's making (plugins, a config of its own).
    init(daemon: KaderdProcess) throws {
        self.daemon = daemon
        executable = try Binaries.path("kaderctl")
    }

    /// Runs `kaderctl --socket … ARGUMENTS`.
    func run(_ arguments: [String], input: String? = nil) async throws -> ProcessResult {
        try await KaderTesting.run(executable, ["--socket", daemon.socket] + arguments, input: input)
    }

    /// Runs with `--json`, expects success and returns the parsed output.
    func json(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> JSONValue {
        let result = try await run(["--json"] + arguments)
        #expect(result.status == 0, "kaderctl \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        return try JSONParser.parse(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// A file in the daemon's temporary folder, for imports.
    func file(_ name: String, _ contents: String) throws -> String {
        let path = daemon.directory.file(name)
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The first desa (village code's own part starting with 2) under a code prefix.
    func desa(under prefix: String) async throws -> (code: String, name: String) {
        let found = try await json(["region", "search", prefix, "--level", "village", "--limit", "200"])
        let desa = found["regions"]?.arrayValue?.first { $0["code"]?.stringValue?.split(separator: ".").last?.first == "2" }
        return (try #require(desa?["code"]?.stringValue), try #require(desa?["name"]?.stringValue))
    }

    /// Registers a cadre through the table output a person sees, and returns its id.
    func register(_ name: String, sex: String, born: Int, field: String, village: String, extra: [String] = [])
        async throws -> String
    {
        let result = try await run(
            ["cadre", "register", "--name", name, "--sex", sex, "--birth-year", String(born), "--field", field,
             "--village", village] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        let firstLine = try #require(result.stdout.split(separator: "\n").first)
        #expect(firstLine.hasSuffix(": \(name)"))
        return String(try #require(firstLine.split(separator: " ").dropFirst().first).dropLast())
    }
}

/// Days as the tests need them: kaderd plans in local dates, and "next month" moves with today.
enum TestDays {
    static let calendar = Calendar(identifier: .gregorian)

    /// The first day of next month on this machine's calendar, as kaderctl computes it.
    static var firstOfNextMonth: Date {
        let today = Calendar.current.dateComponents([.year, .month], from: Date())
        var components = DateComponents(year: today.year, month: today.month! + 1, day: 1)
        components.timeZone = TimeZone(identifier: "UTC")
        return calendar.date(from: components)!
    }

    static func string(_ date: Date) -> String {
        var utc = calendar
        utc.timeZone = TimeZone(identifier: "UTC")!
        let parts = utc.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// `YYYY-MM-DD` plus `days`.
    static func adding(_ days: Int, to day: String) -> String {
        var utc = calendar
        utc.timeZone = TimeZone(identifier: "UTC")!
        let parts = day.split(separator: "-").compactMap { Int($0) }
        let date = utc.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!
        return string(utc.date(byAdding: .day, value: days, to: date)!)
    }
}
