import Foundation
import KaderTesting
import Testing

/// The programs the calendar tests read kaderd's files with, as phones would: Python's
/// `icalendar` (the parser khal and many sync tools use) and khal itself. Both are Debian
/// packages that scripts/install-deps installs; when they are missing (a bare
/// `swift test`), it is run once for the whole test run.
enum CalendarTools {
    static let python = "/usr/bin/python3"
    static let khal = "/usr/bin/khal"

    /// Nil when both are there (after installing them if need be), else why not. Installs
    /// only as root: as anyone else it would ask sudo for a password in the middle of a test.
    static let missing: String? = {
        if present() { return nil }
        let install = getuid() == 0 ? try? runBlocking("/bin/bash", [PackageRoot.path + "/scripts/install-deps"]) : nil
        if present() { return nil }
        return "khal and python3-icalendar are needed: run scripts/install-deps as root"
            + (install.map { " (it said: \($0.stderr))" } ?? "")
    }()

    private static func present() -> Bool {
        guard FileManager.default.isExecutableFile(atPath: khal) else { return false }
        return (try? runBlocking(python, ["-c", "import icalendar"]))?.status == 0
    }

    /// Fails the test with the reason when the tools cannot be had.
    static func require(sourceLocation: SourceLocation = #_sourceLocation) throws {
        try #require(missing == nil, Comment(rawValue: missing ?? ""), sourceLocation: sourceLocation)
    }
}
