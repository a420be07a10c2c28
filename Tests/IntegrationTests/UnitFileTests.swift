import Foundation
import KaderTesting
import Testing

/// The unit files as `make install` installs them, checked by systemd's own tools.
@Suite struct UnitFileTests {
    @Test func installsEverythingAServiceNeeds() async throws {
        let (directory, units) = try await installIntoFreshPrefix()
        for file in [
            "usr/bin/kaderd", "usr/bin/kaderctl", "usr/lib/sysusers.d/kaderd.conf",
            "etc/kaderd/kaderd.toml.example", "etc/kaderd/blackouts.toml.example", "usr/share/doc/kaderd/README.md",
            "usr/share/doc/kaderd/kaderd-remote-postgresql.conf.example",
        ] {
            #expect(FileManager.default.fileExists(atPath: directory.file(file)), "\(file) is installed")
        }
        let service = try String(contentsOfFile: units + "/kaderd.service", encoding: .utf8)
        #expect(service.contains("ExecStart=\(directory.file("usr/bin/kaderd"))\n"))
        #expect(FileManager.default.fileExists(atPath: directory.file("usr/lib/kaderd/plugins")))
    }

    @Test func systemdAnalyzeVerifyPrintsNothingForBothUnits() async throws {
        let (directory, units) = try await installIntoFreshPrefix()
        defer { withExtendedLifetime(directory) {} }
        let result = try await run(
            "/usr/bin/systemd-analyze", ["verify", units + "/kaderd.socket", units + "/kaderd.service"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty && result.stderr.isEmpty, "verify printed:\n\(result.stdout)\(result.stderr)")
    }

    @Test func theServiceSandboxScores1point5OrLower() async throws {
        let (directory, units) = try await installIntoFreshPrefix()
        defer { withExtendedLifetime(directory) {} }
        let result = try await run(
            "/usr/bin/systemd-analyze", ["security", "--offline=true", units + "/kaderd.service"])
        #expect(result.status == 0, "\(result.stderr)")
        // Last line: "→ Overall exposure level for kaderd.service: 0.5 SAFE 😀"
        let last = try #require(result.stdout.split(separator: "\n").last { $0.contains("Overall exposure level") })
        let score = try #require(last.split(separator: ": ").last?.split(separator: " ").first.flatMap { Double($0) })
        #expect(score <= 1.5, "\(last)")
        // The sandbox must not use PrivateUsers=: it would hide every client's uid.
        let service = try String(contentsOfFile: units + "/kaderd.service", encoding: .utf8)
        #expect(!service.split(separator: "\n").contains { $0.hasPrefix("PrivateUsers=") })
    }
}
