import KaderTesting
import Testing

/// Every command explains itself: what it does, an example, and the options it inherits.
@Suite struct KaderctlHelpTests {
    static let commands = [
        "region provinces", "region search", "program list", "program show", "cadre register", "cadre list",
        "cadre show", "cadre update", "import cadres", "workflow start", "workflow list", "workflow show",
        "workflow cancel", "task list", "task show", "task start", "task complete", "task cancel", "task reschedule",
        "report kader-book", "blackouts", "watch", "reload", "plugins", "calendar export", "facilitator register",
        "facilitator agenda", "schedule preview", "status", "backup",
    ]

    @Test(arguments: commands) func helps(_ command: String) async throws {
        let words = command.split(separator: " ").map(String.init)
        let help = try await run(try Binaries.path("kaderctl"), words + ["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("OVERVIEW: "))
        #expect(help.stdout.contains("Example"), "\(command) --help shows an example")
        #expect(help.stdout.contains("kaderctl \(command)"))
        #expect(help.stdout.contains("--socket PATH"), "\(command) --help mentions the global options")
        #expect(help.stdout.components(separatedBy: "--version ").count <= 2, "\(command) lists --version once")
        #expect(Self.hardWrapped(help.stdout).isEmpty, "\(command): \(Self.hardWrapped(help.stdout))")
    }

    /// Lines cut short before the terminal's width and carried on below, lowercase: text
    /// wrapped by hand in the source, which --help wraps again, raggedly.
    static func hardWrapped(_ help: String) -> [String] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return zip(lines, lines.dropFirst()).compactMap { line, next in
            guard !line.hasPrefix(" "), line.count < 50, !line.hasSuffix(":"), let first = next.first, first.isLowercase
            else { return nil }
            return line
        }
    }

    @Test func kaderdExplainsItselfWithoutRaggedLines() async throws {
        let help = try await run(try Binaries.path("kaderd"), ["--help"])
        #expect(help.status == 0)
        #expect(Self.hardWrapped(help.stdout).isEmpty, "\(Self.hardWrapped(help.stdout))")
        #expect(!help.stdout.contains("--plugin-host <"), "the helpers' mode is not an option for people")
    }

    @Test func listsEveryNounAtTheTop() async throws {
        let help = try await run(try Binaries.path("kaderctl"), ["--help"])
        for noun in ["region", "program", "cadre", "import", "workflow", "task", "report"] {
            #expect(help.stdout.contains("\n  \(noun) "), "\(noun)")
            let nounHelp = try await run(try Binaries.path("kaderctl"), [noun, "--help"])
            #expect(nounHelp.stdout.contains("Example:\n  kaderctl \(noun) "), "\(noun) --help shows an example")
        }
    }
}
