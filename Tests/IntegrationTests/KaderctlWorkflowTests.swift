import KaderRPC
import KaderTesting
import Testing

/// A cohort's workflow from start to cancellation, as people see it.
@Suite struct KaderctlWorkflowTests {
    @Test func startsACohortListsAndCancelsIt() async throws {
        let ctl = try await KaderctlSession()
        let village = try await ctl.desa(under: "91.03")
        let first = try await ctl.register("Yohanis Wenda", sex: "L", born: 1985, field: "ekonomi", village: village.code)
        let second = try await ctl.register("Maria Ohee", sex: "P", born: 1992, field: "kesehatan", village: village.code)
        let start = TestDays.string(TestDays.firstOfNextMonth)

        let started = try await ctl.run([
            "workflow", "start", "--cadres", "\(first),\(second)", "--start-date", start, "--facilitator", "Yosina Kogoya",
        ])
        #expect(started.status == 0, "\(started.stderr)")
        let id = String(try #require(started.stdout.split(separator: " ").dropFirst().first))
        #expect(started.stdout.contains("  cadres       \(first), \(second)\n"))
        #expect(started.stdout.contains("  facilitator  Yosina Kogoya\n"))
        #expect(started.stdout.contains("  village      \(village.name) (\(village.code)), WIT (Asia/Jayapura)\n"))
        #expect(started.stdout.contains("Kunjungan pendampingan KPMD (6/6)"))

        let again = try await ctl.run(["workflow", "start", "--cadre", second, "--start-date", start])
        #expect(again.status == 80)
        #expect(again.stderr.contains("already in workflow \(id)"), "\(again.stderr)")

        let listed = try await ctl.run(["workflow", "list", "--cadre", second, "--state", "active"])
        #expect(listed.stdout.split(separator: "\n").dropFirst().map { String($0.prefix(id.count)) } == [id])

        let cancelled = try await ctl.run(["workflow", "cancel", id, "--reason", "kohort digabung"])
        #expect(cancelled.status == 0, "\(cancelled.stderr)")
        #expect(cancelled.stdout.hasPrefix("Cancelled \(id)\n"))
        let shown = try await ctl.json(["workflow", "show", id])
        #expect(shown["workflow"]?["state"] == "cancelled")
        #expect(shown["tasks"]?.arrayValue?.allSatisfy { $0["state"] == "cancelled" } == true)

        let open = try await ctl.run(["task", "list", "--workflow", id, "--state", "scheduled,due"])
        #expect(open.stdout.isEmpty)
        #expect(open.stderr == "kaderctl: no task matches\n")
    }
}
