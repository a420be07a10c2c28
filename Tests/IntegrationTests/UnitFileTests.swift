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

    @Test func installsTheManualPagesCompressedAndTheShellCompletions() async throws {
        let (directory, _) = try await installIntoFreshPrefix()
        for file in [
            "usr/share/bash-completion/completions/kaderctl", "usr/share/zsh/vendor-completions/_kaderctl",
            "usr/share/fish/vendor_completions.d/kaderctl.fish", "usr/share/bash-completion/completions/kaderd",
            "usr/share/zsh/vendor-completions/_kaderd", "usr/share/fish/vendor_completions.d/kaderd.fish",
        ] {
            #expect(FileManager.default.fileExists(atPath: directory.file(file)), "\(file) is installed")
        }
        for (page, title) in [
            ("man8/kaderd.8.gz", "KADERD(8)"), ("man1/kaderctl.1.gz", "KADERCTL(1)"), ("man5/kaderd.toml.5.gz", "KADERD.TOML(5)"),
        ] {
            let path = directory.file("usr/share/man/" + page)
            // gzip -9n: no name or time stamp in the header, so a package build is reproducible.
            let header = try #require(FileHandle(forReadingAtPath: path)).readData(ofLength: 10)
            #expect(Array(header.prefix(3)) == [0x1f, 0x8b, 0x08] && header[4..<8].allSatisfy { $0 == 0 }, "\(page)")
            let rendered = try await run(
                "/usr/bin/man", ["--warnings", "-l", path],
                environment: ["LC_ALL": "C.UTF-8", "MANWIDTH": "80"].merging(ManualPageTests.withoutSandbox) { $1 })
            #expect(rendered.status == 0 && rendered.stderr.isEmpty, "man -l \(page): \(rendered.stderr)")
            #expect(rendered.stdout.hasPrefix(title), "\(page): \(rendered.stdout.prefix(80))")
        }
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
        // Last line: "→ Overall exposure level for kaderd.service: 0.6 SAFE 😀"
        let last = try #require(result.stdout.split(separator: "\n").last { $0.contains("Overall exposure level") })
        let score = try #require(last.split(separator: ": ").last?.split(separator: " ").first.flatMap { Double($0) })
        #expect(score <= 1.5, "\(last)")
        // The sandbox must not use PrivateUsers=: it would hide every client's uid.
        let service = try String(contentsOfFile: units + "/kaderd.service", encoding: .utf8)
        #expect(!service.split(separator: "\n").contains { $0.hasPrefix("PrivateUsers=") })
    }
}
