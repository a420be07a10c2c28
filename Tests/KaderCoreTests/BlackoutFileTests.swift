import Foundation
import KaderCore
import KaderTesting
import Testing

/// Blackout files as operators write them, read without a daemon: these dates go to no
/// clock, only to the shipped holiday data, whose days do not move.
@Suite struct BlackoutFileTests {
    let regions = RegionDirectory.shared
    let badung = try! RegionCode("51.03")
    let munggu = try! RegionCode("51.03.02.2001")
    /// In Gianyar, Bali: outside Badung.
    let ubud = try! RegionCode("51.04.05.1005")
    let bali = try! RegionCode("51")
    let aceh = try! RegionCode("11")

    private func at(_ text: String) -> LocalDateTime { try! LocalDateTime(parsing: text) }
    private func day(_ text: String) -> LocalDate { try! LocalDate(parsing: text) }

    private func parse(_ text: String, path: String = "badung.toml") throws(BlackoutFileRefusal) -> BlackoutFile {
        try BlackoutFile.parse(text, path: path, regions: regions)
    }

    private func problems(_ text: String) -> [String] {
        do {
            _ = try parse(text)
            Issue.record("should have been refused:\n\(text)")
            return []
        } catch {
            return error.lines
        }
    }

    @Test func readsDaysTimesScopesAndWhereEachCameFrom() throws {
        let file = try parse(
            """
            # Badung
            [[blackout]]
            name = "Hari Jadi Kabupaten Badung"
            from = "2027-11-16"
            regencies = ["51.03"]
            reference = "Perbup Badung 12/2026"

            [[blackout]]
            name = "Upacara desa"
            from = 2027-06-01T06:00:00
            until = "2027-06-02T06:00"
            villages = ["51.03.02.2001"]
            districts = ["51.04.05"]

            [[blackout]]
            name = "Pemilu"
            from = 2027-02-14
            until = 2027-02-15
            nation = true
            """)
        #expect(file.blackouts.count == 4, "one per region named")
        let anniversary = file.blackouts[0]
        #expect(anniversary.scope == .region(badung))
        #expect(anniversary.start == at("2027-11-16T00:00:00") && anniversary.end == at("2027-11-17T00:00:00"))
        #expect(anniversary.isWholeDays)
        #expect(anniversary.source == .file(path: "badung.toml", line: 2))
        #expect(anniversary.source.description == "badung.toml:2")
        #expect(anniversary.reference == "Perbup Badung 12/2026")
        // Districts before villages, whatever order the keys stand in.
        #expect(file.blackouts[1].scope == .region(try RegionCode("51.04.05")))
        #expect(file.blackouts[2].scope == .region(munggu))
        #expect(file.blackouts[2].start == at("2027-06-01T06:00:00") && file.blackouts[2].end == at("2027-06-02T06:00:00"))
        #expect(!file.blackouts[2].isWholeDays)
        #expect(file.blackouts[3].scope == .nation)
        #expect(file.blackouts[3].end == at("2027-02-16T00:00:00"), "until is the last day, included")
        #expect(file.removals.isEmpty)
    }

    @Test func namesTheFileAndLineOfEveryProblem() {
        let lines = problems(
            """
            colour = "red"

            [[blackout]]
            name = "Hari Jadi"
            from = "2027-11-16"
            regencies = ["51"]

            [[blackout]]
            name = "Tanpa tempat"
            from = "2027-03-11"

            [[blackout]]
            name = "Campur"
            from = "2027-03-12"
            until = "2027-03-12T18:00"
            provinces = ["99"]

            [[blackout]]
            name = "Terbalik"
            from = "2027-03-20"
            until = "2027-03-19"
            villages = ["51.03.02.2999"]

            [[blackout]]
            name = "Dengan zona"
            from = "2027-03-21T06:00+08:00"
            until = "2027-03-22T06:00"
            nation = true
            regencies = ["51.03"]

            [[blackout]]
            name = "Setahun lebih"
            from = "2027-01-01"
            until = "2028-12-31"
            nation = true
            tipe = "libur"
            """)
        #expect(lines.contains("badung.toml:1: colour: unknown key; a blackout file holds [[blackout]] and [[remove]] tables only"))
        #expect(lines.contains("badung.toml:6: regencies: 51 is a province code; regencies takes regency codes"))
        #expect(lines.contains {
            $0.hasPrefix("badung.toml:8: nation: say where it applies: nation = true, or one of provinces, regencies")
        })
        #expect(lines.contains("badung.toml:15: until: from and until must both be days (YYYY-MM-DD) or both date-times (YYYY-MM-DDTHH:MM)"))
        #expect(lines.contains { $0.hasPrefix("badung.toml:16: provinces: no province has the code 99") })
        #expect(lines.contains("badung.toml:21: until: 2027-03-19 is before from, 2027-03-20; until is the last day, included"))
        #expect(lines.contains { $0.hasPrefix("badung.toml:22: villages: no village has the code 51.03.02.2999") })
        #expect(lines.contains {
            $0 == "badung.toml:26: from: '2027-03-21T06:00+08:00': times are each village's own wall-clock time: leave out the offset"
        })
        #expect(lines.contains("badung.toml:28: nation: nation = true covers every village; leave out regencies"))
        #expect(lines.contains("badung.toml:34: until: the blackout is longer than 366 days; no task could be moved off it"))
        #expect(lines.contains { $0.hasPrefix("badung.toml:36: tipe: unknown key (known keys: name, from, until, nation,") })
        #expect(lines == lines.sorted { Int($0.split(separator: ":")[1])! < Int($1.split(separator: ":")[1])! }, "by line")
    }

    @Test func namesTheLineOfInvalidTOML() {
        #expect(problems("[[blackout]]\nname = \"Hari\nfrom = \"2027-11-16\"\n").first?.hasPrefix("badung.toml:2: not valid TOML") == true)
        #expect(problems("blackout = \"2027-11-16\"\n") == [
            "badung.toml:1: blackout: write [[blackout]], one table per blackout"
        ])
    }

    @Test func aRegencysDayIsSeenInItsVillagesAndNowhereElse() throws {
        var calendar = BlackoutCalendar.national
        try calendar.apply(
            try parse("[[blackout]]\nname = \"Hari Jadi Kabupaten Badung\"\nfrom = \"2027-11-16\"\nregencies = [\"51.03\"]\n"))
        let nine = at("2027-11-16T09:00:00")
        #expect(calendar.blackout(at: nine, in: munggu)?.name == "Hari Jadi Kabupaten Badung")
        #expect(calendar.blackout(at: nine, in: badung)?.name == "Hari Jadi Kabupaten Badung")
        #expect(calendar.blackout(at: nine, in: ubud) == nil, "Gianyar is outside Badung")
        #expect(calendar.blackout(at: nine, in: bali) == nil, "not all of Bali")
        #expect(calendar.blackouts(on: day("2027-11-16"), in: munggu).map(\.source) == [.file(path: "badung.toml", line: 1)])
        #expect(try calendar.shift(nine, by: .nextDay, in: munggu)?.shifted == at("2027-11-17T09:00:00"))
        #expect(try calendar.shift(nine, by: .nextDay, in: ubud) == nil)
        // A listing of Bali shows it, with the nation's holidays; one of Gianyar does not.
        let listed = calendar.blackouts(overlapping: bali, from: day("2027-01-01"), through: day("2027-12-31"))
        #expect(listed.contains { $0.name == "Hari Jadi Kabupaten Badung" })
        #expect(listed.contains { $0.source == .shipped })
        #expect(!calendar.blackouts(overlapping: ubud, from: day("2027-11-01"), through: day("2027-11-30")).contains {
            $0.name == "Hari Jadi Kabupaten Badung"
        })
    }

    @Test func theMoreSpecificBlackoutIsNamedFirst() throws {
        var calendar = BlackoutCalendar.national
        // 17 August is Hari Kemerdekaan everywhere; Badung and Munggu add their own days.
        try calendar.apply(
            try parse(
                """
                [[blackout]]
                name = "Badung"
                from = "2027-08-17"
                regencies = ["51.03"]

                [[blackout]]
                name = "Munggu"
                from = "2027-08-17"
                villages = ["51.03.02.2001"]
                """))
        #expect(calendar.blackouts(on: day("2027-08-17"), in: munggu).map(\.name) == [
            "Munggu", "Badung", "Hari Kemerdekaan Republik Indonesia",
        ])
        #expect(calendar.blackout(at: at("2027-08-17T09:00:00"), in: ubud)?.name == "Hari Kemerdekaan Republik Indonesia")
    }

    @Test func removesAShippedCutiBersamaOnlyByItsNameOnItsDay() throws {
        let christmasEve = day("2027-12-24")
        #expect(BlackoutCalendar.national.blackouts(on: christmasEve, in: aceh).map(\.name) == ["Cuti Bersama Hari Raya Natal"])
        var calendar = BlackoutCalendar.national
        try calendar.apply(
            try parse(
                """
                [[remove]]
                date = "2027-12-24"
                name = "cuti bersama  hari raya natal"
                reference = "SKB 3 Menteri"
                """, path: "skb.toml"))
        #expect(calendar.blackouts(on: christmasEve, in: aceh).isEmpty)
        #expect(calendar.blackout(at: at("2027-12-24T09:00:00"), in: munggu) == nil)
        #expect(calendar.blackout(at: at("2027-12-25T09:00:00"), in: munggu)?.name == "Hari Raya Natal", "only that day")
        let removals = calendar.removals(overlapping: bali, from: day("2027-12-01"), through: day("2027-12-31"))
        #expect(removals.map(\.name) == ["Cuti Bersama Hari Raya Natal"], "named as shipped")
        #expect(removals.first?.reference == "SKB 3 Menteri")
        #expect(!calendar.blackouts(overlapping: bali, from: christmasEve, through: christmasEve).contains { $0.source == .shipped })

        // A name or a day that does not match what kaderd ships refuses the whole file.
        var unchanged = BlackoutCalendar.national
        let wrong = try parse(
            """
            [[blackout]]
            name = "Hari Jadi"
            from = "2027-11-16"
            regencies = ["51.03"]

            [[remove]]
            date = "2027-12-26"
            name = "Cuti Bersama Hari Raya Natal"
            """, path: "skb.toml")
        let refusal = #expect(throws: BlackoutFileRefusal.self) { try unchanged.apply(wrong) }
        #expect(refusal?.lines == [
            "skb.toml:6: name: kaderd ships no holiday 'Cuti Bersama Hari Raya Natal' on 2027-12-26 to remove; "
                + "that day it ships 'Isra Mikraj Nabi Muhammad'"
        ])
        #expect(unchanged.blackout(at: at("2027-11-16T09:00:00"), in: munggu) == nil, "nothing of a refused file is used")
        let misnamed = try parse("[[remove]]\ndate = \"2027-12-24\"\nname = \"Natal\"\n")
        #expect(throws: BlackoutError.noShippedHoliday(date: christmasEve, name: "Natal", shipped: ["Cuti Bersama Hari Raya Natal"])) {
            try unchanged.remove(misnamed.removals[0])
        }
    }

    @Test func aRemovalMayHoldInOneRegionOnly() throws {
        var calendar = BlackoutCalendar.national
        try calendar.apply(
            try parse("[[remove]]\ndate = \"2027-12-24\"\nname = \"Cuti Bersama Hari Raya Natal\"\nregencies = [\"51.03\"]\n"))
        let nine = at("2027-12-24T09:00:00")
        #expect(calendar.blackout(at: nine, in: munggu) == nil)
        #expect(calendar.blackout(at: nine, in: ubud)?.name == "Cuti Bersama Hari Raya Natal")
        // Bali as a whole still has it (outside Badung), and its removal beside it.
        let christmasEve = day("2027-12-24")
        #expect(calendar.blackouts(overlapping: bali, from: christmasEve, through: christmasEve).map(\.name) == [
            "Cuti Bersama Hari Raya Natal"
        ])
        #expect(calendar.removals(overlapping: bali, from: christmasEve, through: christmasEve).count == 1)
        #expect(calendar.removals(overlapping: ubud, from: christmasEve, through: christmasEve).isEmpty)
    }

    @Test func tellsWhichBlackoutsAReloadAdds() throws {
        let before = BlackoutCalendar.national
        var after = before
        try after.apply(
            try parse("[[blackout]]\nname = \"Hari Jadi Kabupaten Badung\"\nfrom = \"2027-11-16\"\nregencies = [\"51.03\"]\n"))
        #expect(after.blackoutsAdded(since: before).map(\.name) == ["Hari Jadi Kabupaten Badung"])
        #expect(before.blackoutsAdded(since: after).isEmpty, "a blackout taken away adds none")
        // A removal dropped gives the holiday back: tasks there may be on it again.
        var removed = before
        try removed.apply(try parse("[[remove]]\ndate = \"2027-12-24\"\nname = \"Cuti Bersama Hari Raya Natal\"\n"))
        #expect(removed.blackoutsAdded(since: before).isEmpty)
        #expect(before.blackoutsAdded(since: removed).map(\.name) == ["Cuti Bersama Hari Raya Natal"])
    }

    @Test func thePlannerSeesAVillagesOwnDayWhenGivenTheVillage() throws {
        var calendar = BlackoutCalendar.national
        try calendar.apply(try parse("[[blackout]]\nname = \"Odalan\"\nfrom = \"2027-11-16\"\nvillages = [\"51.03.02.2001\"]\n"))
        let province = try #require(regions.province(munggu))
        let program = Program(
            id: "p", version: 1, title: "P", steps: [ProgramStep(id: "visit", kind: .mentoringVisit, title: "Kunjungan")])
        let there = try WorkflowPlanner.plan(program, start: day("2027-11-16"), province: province, village: munggu, blackouts: calendar)
        #expect(there[0].shift?.blackout.name == "Odalan")
        #expect(LocalDateTime(there[0].windowStart, in: province.timeZone) == at("2027-11-17T09:00:00"))
        let provinceWide = try WorkflowPlanner.plan(program, start: day("2027-11-16"), province: province, blackouts: calendar)
        #expect(provinceWide[0].shift == nil, "without the village, only the province's and the nation's apply")
    }

    @Test func theExampleFileShippedWithKaderdIsValid() throws {
        let path = PackageRoot.path + "/systemd/blackouts.toml.example"
        let file = try parse(try String(contentsOfFile: path, encoding: .utf8), path: path)
        #expect(file.blackouts.count == 2)
        #expect(file.removals.count == 1)
        var calendar = BlackoutCalendar.national
        try calendar.apply(file)
    }
}
