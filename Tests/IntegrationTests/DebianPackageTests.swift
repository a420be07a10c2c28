import Foundation
import KaderTesting
import Testing

/// kaderd's Debian package, made by `make deb-files` from the release build `make test`
/// makes, checked by lintian and then installed into a clean Debian root (no Swift
/// toolchain) and used there under a real systemd, by scripts/deb-test, which says what it
/// checks; run it alone to see each check. The first run makes the Debian root with
/// debootstrap (a minute here) and keeps it under .build/debian-root/.
@Suite struct DebianPackageTests {
    @Test func installsIntoACleanDebianAndServesThroughItsSocketWithBothKindsOfPlugin() async throws {
        let result = try await run(PackageRoot.path + "/scripts/deb-test", [])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("all checks passed"), "\(result.stdout)\(result.stderr)")
        #expect(!result.stdout.contains("FAIL"))
    }
}
