import KaderTesting
import Testing

/// `make install-files` into a fresh prefix, with the units naming the binaries installed
/// there: the folder (kept alive by the caller) and where the units went.
func installIntoFreshPrefix() async throws -> (TemporaryDirectory, units: String) {
    let directory = TemporaryDirectory()
    let result = try await run(
        "/usr/bin/make",
        [
            "-s", "-C", PackageRoot.path, "install-files", "PREFIX=\(directory.file("usr"))",
            "SYSCONFDIR=\(directory.file("etc"))", "BUILD_DIR=\(Binaries.directory)",
        ])
    #expect(result.status == 0, "make install-files: \(result.stderr)")
    return (directory, directory.file("usr/lib/systemd/system"))
}
