import Foundation
import Testing

@testable import kaderd

/// kaderd.toml(5), the example config and daemon.status against the keys the reader reads
/// (ConfigKey), so none of them can name a key the others do not.
@Suite struct ConfigManualTests {
    /// The checkout, for the committed page and the example config.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theReaderReadsEveryKeyOfTheTable() {
        // An inline table is no key's type: a key the reader reads is refused, naming it and
        // its line; a key it skipped would be accepted and ignored.
        for key in ConfigKey.allCases {
            let problem = #expect(throws: ConfigFile.Problem.self, "\(key.name)") {
                try ConfigFile.parse("# kaderd.toml\n\(key.name) = { x = 1 }\n", file: "k.toml")
            }
            #expect(problem?.line == 2, "\(key.name): \(String(describing: problem))")
            #expect(problem?.message.hasPrefix("'\(key.name)' must be") == true, "\(key.name): \(String(describing: problem))")
        }
    }

    @Test func thePageDescribesEveryKeyWithItsTypeDefaultAndWhenItApplies() {
        let page = ConfigManual.page
        let entries = page.components(separatedBy: ".TP\n.B ").dropFirst().map { String($0) }
        let named = entries.map { entry in entry.prefix { $0 != "\n" }.replacingOccurrences(of: "\\-", with: "-") }
        #expect(named == ConfigFile.knownKeys)
        for (key, entry) in zip(ConfigKey.allCases, entries) {
            #expect(entry.contains("Value: "), "\(key.name)")
            #expect(entry.contains("Default: "), "\(key.name)")
            #expect(entry.contains(key.appliedOnReload ? "Applied on reload." : "A change takes a restart."), "\(key.name)")
        }
        #expect(page.contains("Default: 1048576."), "max_line_bytes, from the server's own limit")
        #expect(page.contains(#"Default: "/var/lib/kaderd"."#))
        #expect(page.contains(#"one of "trace", "debug", "info", "notice", "warning", "error", "critical""#))
        #expect(page.contains("a whole number from 2 to 512"), "max_nesting_depth's range, as the reader checks it")
        let ascii = page.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii)
    }

    @Test func theCommittedPageIsTheOneKaderdMakes() throws {
        let committed = try String(contentsOf: Self.root.appendingPathComponent("docs/man/kaderd.toml.5"), encoding: .utf8)
        #expect(committed == ConfigManual.page, "docs/man/kaderd.toml.5 is out of date: run make manuals")
    }

    /// Every `key = value` line of the example, commented out or not.
    static func exampleSettings() throws -> [(key: String, line: String)] {
        let example = try String(
            contentsOf: root.appendingPathComponent("systemd/kaderd.toml.example"), encoding: .utf8)
        return example.split(separator: "\n").compactMap { line in
            let setting = line.hasPrefix("#") ? line.dropFirst() : line[...]
            guard let match = setting.wholeMatch(of: /([a-z_]+) *=.*/) else { return nil }
            return (String(match.1), String(setting))
        }
    }

    @Test func theExampleConfigNamesOnlyKeysOfTheTableWithTheirDefaults() throws {
        let settings = try Self.exampleSettings()
        #expect(settings.count >= 10, "\(settings)")
        for (key, _) in settings {
            #expect(ConfigFile.knownKeys.contains(key), "systemd/kaderd.toml.example names '\(key)', which kaderd does not read")
        }
        // Uncommented, the example is accepted and changes nothing: it shows the defaults.
        let file = try ConfigFile.parse(settings.map(\.line).joined(separator: "\n"), file: "kaderd.toml.example")
        let resolved = try DaemonSettings.resolve(
            commandLine: .init(), environment: [:], file: file, filePath: "kaderd.toml.example"
        ).configObject
        let defaults = DaemonSettings.builtInDefaults.configObject
        for (key, _) in settings where ConfigKey(rawValue: key)?.defaultInWords == nil {
            #expect(resolved[key] == defaults[key], "the example's \(key) is not its default")
        }
    }

    @Test func daemonStatusAndTheReloadSpeakOfEveryKey() {
        #expect(Set(DaemonSettings.builtInDefaults.configObject.keys) == Set(ConfigFile.knownKeys))
    }
}
