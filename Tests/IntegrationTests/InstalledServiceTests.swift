import Foundation
import KaderTesting
import Testing

/// The installed units under a real systemd, booted in a throw-away namespace by
/// scripts/systemd-sandbox-test, which says what it checks; run it alone to see each check.
/// On the PostgreSQL pass, kaderd's store is a local PostgreSQL started in there.
/// Each check in the script has its own time limit; the whole run has none here, since it
/// shares the machine with the rest of the suite (15 s alone, 89 s once on a loaded CI).
/// The binaries are the release build `make test` makes, as `make install` installs them: the
/// Swift runtime linked in, so the script can hide the toolchain from the service.
@Suite struct InstalledServiceTests {
    @Test func startsByTheSocketReloadsStopsCleanlyLogsToTheJournalAndIsRestartedWhenHung() async throws {
        let result = try await run(
            PackageRoot.path + "/scripts/systemd-sandbox-test", ["--store", TestBackend.current.rawValue],
            environment: ["BUILD_DIR": PackageRoot.path + "/.build/release"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("all checks passed"), "\(result.stdout)\(result.stderr)")
        #expect(!result.stdout.contains("FAIL"))
    }
}
