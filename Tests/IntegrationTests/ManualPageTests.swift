import Foundation
import KaderTesting
import Testing

/// The manual pages and shell completions in docs/, as `make install` installs them: current
/// with the real binaries, rendered by man and groff without a warning, with the NAME
/// line whatis and lintian read, and completions their shells accept.
@Suite struct ManualPageTests {
    static let pages = ["kaderd.8", "kaderctl.1", "kaderd.toml.5"]
    static func page(_ name: String) -> String { PackageRoot.path + "/docs/man/" + name }
    static func completion(_ name: String) -> String { PackageRoot.path + "/docs/completions/" + name }

    /// As lintian runs it (its groff-message check), and groff with every warning on.
    @Test(arguments: pages) func rendersWithoutAWarning(_ name: String) async throws {
        let man = try await Self.man(Self.page(name))
        #expect(man.status == 0 && man.stderr.isEmpty, "man --warnings -l \(name):\n\(man.stderr)")
        #expect(man.stdout.count > 500)
        let groff = try await run("/usr/bin/groff", ["-mandoc", "-ww", "-Tutf8", "-z", Self.page(name)])
        #expect(groff.status == 0 && groff.stderr.isEmpty, "groff -ww \(name):\n\(groff.stderr)")
    }

    @Test(arguments: [
        ("kaderd.8", "kaderd", "8"), ("kaderctl.1", "kaderctl", "1"), ("kaderd.toml.5", "kaderd.toml", "5"),
    ])
    func hasAWhatisLineAndItsSection(_ name: String, _ title: String, _ section: String) async throws {
        let lexgrog = try await run("/usr/bin/lexgrog", [Self.page(name)])
        #expect(lexgrog.status == 0, "lexgrog \(name): \(lexgrog.stdout)\(lexgrog.stderr)")
        #expect(lexgrog.stdout.hasPrefix("\(Self.page(name)): \"\(title) - "), "\(lexgrog.stdout)")
        #expect(!lexgrog.stdout.contains("parse failed"))
        let source = try String(contentsOfFile: Self.page(name), encoding: .utf8)
        let header = source.split(separator: "\n").first { $0.hasPrefix(".TH ") || $0.hasPrefix(".Dt ") }
        #expect(header?.split(separator: " ").dropFirst(2).first.map(String.init) == section, "\(String(describing: header))")
    }

    /// kaderd(8) and kaderctl(1) come from swift-argument-parser's generate-manual, which
    /// cannot run inside `swift test`: each command, option and abstract the binary
    /// describes (--experimental-dump-help, what generate-manual reads) must be on the page.
    @Test(arguments: [("kaderd", "kaderd.8"), ("kaderctl", "kaderctl.1")])
    func namesEveryCommandAndOptionOfTheBinary(_ binary: String, _ name: String) async throws {
        let dump = try await run(try Binaries.path(binary), ["--experimental-dump-help"])
        #expect(dump.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8))
        let tool = try #require(json as? [String: Any])
        let command = try #require(tool["command"] as? [String: Any])
        let rendered = try await Self.plainText(Self.page(name))
        var missing: [String] = []
        var described = 0
        func walk(_ command: [String: Any], path: [String]) {
            let path = path + [command["commandName"] as? String ?? "?"]
            for text in [path.last, command["abstract"] as? String].compactMap({ $0 }) {
                described += 1
                if !rendered.contains(Self.plain(text)) { missing.append("\(path.joined(separator: " ")): \(text)") }
            }
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool != false {
                let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { name -> String? in
                    guard let text = name["name"] as? String else { return nil }
                    return (name["kind"] as? String == "long" ? "--" : "-") + text
                }
                for text in [names.first ?? argument["valueName"] as? String, argument["abstract"] as? String].compactMap({ $0 }) {
                    described += 1
                    if !rendered.contains(Self.plain(text)) { missing.append("\(path.joined(separator: " ")): \(text)") }
                }
            }
            for subcommand in command["subcommands"] as? [[String: Any]] ?? [] { walk(subcommand, path: path) }
        }
        walk(command, path: [])
        #expect(described > (binary == "kaderctl" ? 200 : 10))
        #expect(missing.isEmpty, "docs/man/\(name) is out of date (run make manuals); it lacks:\n\(missing.joined(separator: "\n"))")
    }

    @Test func kaderdIsInSection8AndKeepsItsHelperModeOffThePage() throws {
        let source = try String(contentsOfFile: Self.page("kaderd.8"), encoding: .utf8)
        #expect(source.contains("\n.Dt KADERD 8\n"))
        #expect(!source.contains("Fl -plugin-host") && !source.contains("print-config-manual"), "the hidden options have no entry")
    }

    @Test(arguments: ["kaderd", "kaderctl"], ["bash", "zsh", "fish"])
    func completionIsTheOneTheBinaryMakes(_ binary: String, _ shell: String) async throws {
        let made = try await run(try Binaries.path(binary), ["--generate-completion-script", shell])
        #expect(made.status == 0)
        let committed = try String(contentsOfFile: Self.completion("\(binary).\(shell)"), encoding: .utf8)
        #expect(committed == made.stdout, "docs/completions/\(binary).\(shell) is out of date: run make manuals")
    }

    @Test func bashCompletesKaderctlAndItsSubcommands() async throws {
        let script = Self.completion("kaderctl.bash")
        let registered = try await run("/bin/bash", ["-c", "source \"$1\" && complete -p kaderctl", "bash", script])
        #expect(registered.status == 0, "\(registered.stderr)")
        #expect(registered.stdout.hasPrefix("complete ") && registered.stdout.hasSuffix(" kaderctl\n"), "\(registered.stdout)")
        // What a user sees after `kaderctl wor<TAB>` and `kaderctl workflow <TAB>`.
        let candidates = try await run(
            "/bin/bash",
            [
                "-c",
                """
                source "$1"
                function=$(complete -p kaderctl | sed -E 's/.* -F ([^ ]+) .*/\\1/')
                COMP_WORDS=(kaderctl wor); COMP_CWORD=1; COMP_LINE="kaderctl wor"; COMP_POINT=${#COMP_LINE}
                "$function" kaderctl wor kaderctl; printf '%s\\n' "${COMPREPLY[@]}"
                COMP_WORDS=(kaderctl workflow ''); COMP_CWORD=2; COMP_LINE="kaderctl workflow "; COMP_POINT=${#COMP_LINE}
                "$function" kaderctl '' workflow; printf '%s\\n' "${COMPREPLY[@]}"
                """,
                "bash", script,
            ])
        #expect(candidates.stdout.split(separator: "\n").contains("workflow"), "\(candidates.stdout)\(candidates.stderr)")
        #expect(candidates.stdout.split(separator: "\n").contains("start"), "\(candidates.stdout)\(candidates.stderr)")
    }

    @Test(arguments: ["kaderd", "kaderctl"]) func zshAndFishParseTheirScripts(_ binary: String) async throws {
        let zsh = try await run("/usr/bin/zsh", ["-n", Self.completion("\(binary).zsh")])
        #expect(zsh.status == 0 && zsh.stderr.isEmpty, "zsh -n: \(zsh.stderr)")
        let fish = try await run("/usr/bin/fish", ["--no-execute", Self.completion("\(binary).fish")])
        #expect(fish.status == 0 && fish.stderr.isEmpty, "fish --no-execute: \(fish.stderr)")
    }

    /// man as lintian runs it: warnings on, UTF-8, output thrown away.
    static func man(_ file: String) async throws -> ProcessResult {
        try await run(
            "/usr/bin/man", ["--warnings", "-E", "UTF-8", "-l", "-Tutf8", "-Z", file],
            environment: ["LC_ALL": "C.UTF-8", "MANROFFSEQ": "", "MANWIDTH": "80"].merging(withoutSandbox) { $1 })
    }

    /// man-db runs groff under a seccomp filter, which refuses the semaphore libfaketime
    /// opens under scripts/test-at (groff then exits 127); the pages do not depend on the date.
    static let withoutSandbox = ["MAN_DISABLE_SECCOMP": "1"]

    /// The page as text on one long line per paragraph, with groff's typographic hyphens,
    /// minus signs and quotes made plain again.
    static func plainText(_ file: String) async throws -> String {
        let rendered = try await run(
            "/usr/bin/groff", ["-mandoc", "-Tutf8", "-P-cbou", "-rLL=5000n", "-rHY=0", file],
            environment: ["LC_ALL": "C.UTF-8"])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        return plain(rendered.stdout)
    }

    /// Text with its whitespace collapsed and typography undone; what generate-manual
    /// leaves out (anything beyond ASCII) left out here too.
    static func plain(_ text: String) -> String {
        let typography: [Character: Character] = ["\u{2010}": "-", "\u{2212}": "-", "\u{2018}": "'", "\u{2019}": "'", "\u{201C}": "\"", "\u{201D}": "\""]
        let ascii = String(text.map { typography[$0] ?? $0 }.filter(\.isASCII))
        return ascii.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
