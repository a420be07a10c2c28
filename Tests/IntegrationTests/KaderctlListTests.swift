import KaderRPC
import KaderTesting
import Testing

/// Lists show one page unless asked for all, and say so when more follow.
@Suite struct KaderctlListTests {
    @Test func followsTheCursorWithAllAndSaysWhenMoreFollow() async throws {
        let ctl = try await KaderctlSession()
        let rows = (1...5).map { "Kader \($0),P,199\($0),kesehatan,51.03.02.2001" }
        let imported = try await ctl.run(
            ["import", "cadres", "-"], input: "name,sex,birth_year,field,village\n" + rows.joined(separator: "\n"))
        #expect(imported.status == 0, "\(imported.stderr)")

        let page = try await ctl.run(["cadre", "list", "--limit", "2"])
        #expect(page.stdout.split(separator: "\n").count == 3)
        let note = try #require(page.stderr.split(separator: "\n").first)
        #expect(note.hasPrefix("kaderctl: more cadres follow; add --all to list them all, or --cursor "), "\(page.stderr)")
        // The cursor printed is where the next page starts.
        let cursor = String(note.components(separatedBy: "--cursor ")[1].split(separator: " ")[0])
        let next = try await ctl.run(["cadre", "list", "--limit", "2", "--cursor", cursor])
        #expect(next.stdout.split(separator: "\n").count == 3 && next.stdout.contains("Kader 3"), "\(next.stdout)")

        let all = try await ctl.run(["cadre", "list", "--limit", "2", "--all"])
        #expect(all.stderr.isEmpty)
        let names = all.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: " ").dropFirst().prefix(2).joined(separator: " ") }
        #expect(names == ["Kader 1", "Kader 2", "Kader 3", "Kader 4", "Kader 5"])

        let json = try await ctl.json(["cadre", "list", "--limit", "2", "--all"])
        #expect(json["cadres"]?.arrayValue?.compactMap { $0["birth_year"]?.intValue } == [1991, 1992, 1993, 1994, 1995])
        #expect(json["next_cursor"] == .null)

        let none = try await ctl.run(["workflow", "list", "--province", "91"])
        #expect(none.status == 0)
        #expect(none.stdout.isEmpty)
        #expect(none.stderr == "kaderctl: no workflow matches\n")
    }
}
