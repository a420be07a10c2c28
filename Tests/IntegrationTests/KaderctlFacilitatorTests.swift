import Foundation
import KaderRPC
import KaderTesting
import Testing

/// The facilitator register as a district office uses it: Pendamping Desa, their posts and
/// the villages they cover, changing with each contract year.
@Suite struct KaderctlFacilitatorTests {
    private func register(_ ctl: KaderctlSession, _ name: String, extra: [String] = []) async throws -> String {
        let reply = try await ctl.json(["facilitator", "register", "--name", name, "--role", "pendamping_lokal_desa"] + extra)
        return try #require(reply["facilitator"]?["id"]?.stringValue)
    }

    @Test func registersAssignsAndReassignsWithAHistory() async throws {
        let ctl = try await KaderctlSession()
        let komang = try await register(ctl, "Komang Ardana", extra: ["--phone", "0812-3456-7890", "--capacity", "2"])
        #expect(komang.hasPrefix("fac_"))
        let made = try await register(ctl, "Made Wirawan", extra: ["--working-days", "monday,wednesday,friday"])
        let village = try await ctl.desa(under: "51.03.02")
        let today = TestCalendar.today(in: "51")

        let assigned = try await ctl.run([
            "facilitator", "assign", komang, "--region", village.code, "--from", "\(today)", "--reason", "kontrak baru",
        ])
        #expect(assigned.status == 0, "\(assigned.stderr)")
        #expect(assigned.stdout.hasPrefix("Assigned \(village.name) (\(village.code)) to \(komang) from \(today)\n"))

        // The next contract year the village passes to Made; Komang's cover ends the day before.
        let next = today.adding(days: 30)
        let passed = try await ctl.json(["facilitator", "assign", made, "--region", village.code, "--from", "\(next)"])
        #expect(passed["ended"]?.arrayValue?.first?["facilitator"] == .string(komang))
        let komangNow = try await ctl.json(["facilitator", "show", komang])
        #expect(komangNow["assignments"]?.arrayValue?.first?["until"] == .string("\(next.adding(days: -1))"))
        #expect(komangNow["history"]?.arrayValue?.map { $0["action"] } == ["registered", "assigned", "assignment_ended"])
        #expect(komangNow["facilitator"]?["capacity"] == 2)

        let shown = try await ctl.run(["facilitator", "show", made])
        #expect(shown.stdout.contains("  works       monday, wednesday, friday\n"), "\(shown.stdout)")
        #expect(shown.stdout.contains("\(village.name) (\(village.code))  \(next)  —"), "\(shown.stdout)")

        let listed = try await ctl.run(["facilitator", "list"])
        #expect(listed.stdout.split(separator: "\n").count == 3, "\(listed.stdout)")
        #expect(listed.stdout.contains("Pendamping Lokal Desa"))

        // Updates record which fields changed, never a phone number.
        let changed = try await ctl.run(["facilitator", "update", komang, "--phone", "0813-0000-1111", "--reason", "nomor baru"])
        #expect(changed.status == 0, "\(changed.stderr)")
        let history = try await ctl.json(["facilitator", "show", komang])["history"]?.arrayValue ?? []
        #expect(history.last?["detail"] == ["fields": "phone", "reason": "nomor baru"])
    }

    @Test func refusesWhatIsNotAFacilitatorOrARegionToCover() async throws {
        let ctl = try await KaderctlSession()
        let bad = try await ctl.run(["facilitator", "register", "--name", " ", "--role", "kepala", "--capacity", "0"])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("role: 'kepala' is not one of pendamping_lokal_desa, pendamping_desa, tenaga_ahli"), "\(bad.stderr)")
        let id = try await register(ctl, "Komang Ardana")
        let province = try await ctl.run(["facilitator", "assign", id, "--region", "51", "--from", "\(TestCalendar.today(in: "51"))"])
        #expect(province.status == 65)
        #expect(province.stderr.contains("region: 51 is a province code; assign a village or a district"), "\(province.stderr)")
        let nobody = try await ctl.run(["facilitator", "show", "fac_nothere"])
        #expect(nobody.status == 66)
        #expect(nobody.stderr.contains("No facilitator fac_nothere"))
    }

    @Test func theLogCarriesNoFacilitatorsContacts() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory(), arguments: ["--log-level", "trace"])
        let ctl = try KaderctlSession(daemon: daemon)
        let id = try await register(ctl, "Ketut Suryawan", extra: ["--phone", "0812-9876-5432", "--email", "ketut@example.org"])
        _ = try await ctl.run(["facilitator", "update", id, "--name", "Ketut Suryawan Putra"])
        _ = try await ctl.run(["facilitator", "show", id])
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit() == 0)
        for part in ["Suryawan", "9876", "ketut@"] {
            #expect(!daemon.log.contains(part), "the log has \(part):\n\(daemon.log)")
        }
    }
}
