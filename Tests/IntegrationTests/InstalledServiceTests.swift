import Foundation
import KaderTesting
import Testing

/// The installed units under a real systemd, booted in a throw-away namespace by
/// scripts/systemd-sandbox-test, which says what it checks; run it alone to see each check.
/// On the PostgreSQL pass, kaderd's store is a local PostgreSQL started in there.
@Suite struct InstalledServiceTests {
    @Test func startsByTheSocketReloadsStopsCleanlyLogsToTheJournalAndIsRestartedWhenHung() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try await run(
            PackageRoot.path + "/scripts/systemd-sandbox-test", ["--store", TestBackend.current.rawValue],
            environment: ["BUILD_DIR": Binaries.directory])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("all checks passed"), "\(result.stdout)\(result.stderr)")
        #expect(!result.stdout.contains("FAIL"))
        #expect(clock.now - start < .seconds(60))
    }
}
