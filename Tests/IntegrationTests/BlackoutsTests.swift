import Foundation
import KaderClient
import KaderCore
import KaderRPC
import KaderTesting
import Testing

/// Blackouts operators can edit: files in `blackout_dirs` that add days for a regency or a
/// village and take shipped holidays back, read at start and on reload, through the real
/// kaderd and kaderctl. Every day is derived from today and the shipped data, never fixed.
@Suite struct BlackoutsTests {
    static let badung = "51.03"
    /// Munggu, a desa in Mengwi, Badung.
    static let munggu = "51.03.02.2001"
    /// Gianyar, beside Badung in Bali: outside the regency.
    static let gianyar = "51.04"
    static let anniversary = "Hari Jadi Kabupaten Badung"

    /// A blackout folder, and a config naming it (and, optionally, a plugin folder too).
    struct Setup {
        let directory = TemporaryDirectory()
        let folder: String
        let config: String
        let plugins: PluginFolder?

        init(withPlugins: Bool = false) throws {
            folder = directory.file("blackouts")
            config = directory.file("blackouts.toml")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            plugins = withPlugins ? try PluginFolder(in: directory) : nil
            let pluginLine = plugins.map { "plugin_dirs = [\"\($0.path)\"]\n" } ?? ""
            try "blackout_dirs = [\"\(folder)\"]\n\(pluginLine)".write(toFile: config, atomically: true, encoding: .utf8)
        }

        /// Writes `name` in the blackout folder; returns its path.
        @discardableResult
        func write(_ name: String, _ text: String) throws -> String {
            let path = folder + "/" + name
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        func start() async throws -> KaderdProcess {
            try await KaderdProcess(directory: directory, arguments: ["--config", config])
        }
    }

    /// A day at least a month ahead that is no national holiday, nor is the day after it:
    /// a regency's own day there moves a task exactly one day.
    static func freeDay() -> LocalDate {
        var day = TestCalendar.freeDay(atLeast: 30, in: "51")
        while TestCalendar.nationalHoliday(day, in: "51") != nil || TestCalendar.nationalHoliday(day.adding(days: 1), in: "51") != nil {
            day = day.adding(days: 1)
        }
        return day
    }

    /// The next shipped cuti bersama after today in Bali that is the only blackout of its
    /// day; once the data has none ahead, the last one shipped (a preview may start in the past).
    static func cutiBersama() throws -> (date: LocalDate, name: String) {
        let bali = try RegionCode("51")
        let today = TestCalendar.today(in: "51")
        let candidates = BlackoutCalendar.national.blackouts(overlapping: bali, from: nil, through: nil).filter {
            $0.name.hasPrefix("Cuti Bersama") && BlackoutCalendar.national.blackouts(on: $0.start.date, in: bali).count == 1
        }
        let pick = try #require(candidates.first { $0.start.date > today } ?? candidates.last)
        return (pick.start.date, pick.name)
    }

    static func badungFile(day: LocalDate, cuti: (date: LocalDate, name: String), name: String = anniversary) -> String {
        """
        # Badung's own day, and a cuti bersama an SKB took back.
        [[blackout]]
        name = "\(name)"
        from = "\(day)"
        regencies = ["\(badung)"]
        reference = "Perbup Badung"

        [[remove]]
        date = "\(cuti.date)"
        name = "\(cuti.name)"
        reference = "SKB 3 Menteri"
        """
    }

    /// One occurrence at 09:00 on `day` in `region` (a code of any level), as previewed.
    static func preview(_ connection: RPCConnection, _ day: LocalDate, in region: String) throws -> SchedulePreview {
        let field = ["province", "regency", "district", "village"][region.split(separator: ".").count - 1]
        return try connection.call(
            "schedule.preview",
            params: ["rule": "FREQ=DAILY;COUNT=1", "start": .string("\(day)T09:00:00"), field: .string(region)],
            as: SchedulePreview.self)
    }

    /// What previews show with the file in force: Badung's day moves a task in Badung (in
    /// the regency and in a village of it) and nowhere else; the cuti bersama taken back
    /// moves nothing, in Badung or outside.
    static func expectBothInForce(
        _ connection: RPCConnection, day: LocalDate, cuti: (date: LocalDate, name: String),
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        for region in [badung, munggu] {
            let there = try preview(connection, day, in: region)
            #expect(there.shifted.map(\.blackout) == [anniversary], "\(region)", sourceLocation: sourceLocation)
            #expect(there.occurrences == ["\(day.adding(days: 1))T09:00:00+08:00"], "\(region)", sourceLocation: sourceLocation)
        }
        for region in [gianyar, "51"] {
            let outside = try preview(connection, day, in: region)
            #expect(outside.shifted.isEmpty, "\(region)", sourceLocation: sourceLocation)
            #expect(outside.occurrences == ["\(day)T09:00:00+08:00"], "\(region)", sourceLocation: sourceLocation)
        }
        for region in [munggu, gianyar] {
            let removed = try preview(connection, cuti.date, in: region)
            #expect(removed.shifted.isEmpty, "\(cuti.name) on \(cuti.date) is taken back (\(region))", sourceLocation: sourceLocation)
            #expect(removed.occurrences == ["\(cuti.date)T09:00:00+08:00"], sourceLocation: sourceLocation)
        }
    }

    /// The issue's acceptance: a file that adds a day in one regency and takes back a
    /// shipped cuti bersama shows both in `schedule.preview` there and outside; a reload
    /// with the file broken keeps its previous blackouts and says file:line.
    @Test func aRegencysDayAndACutiBersamaTakenBackShowInPreviewsAndSurviveABrokenReload() async throws {
        let setup = try Setup()
        let day = Self.freeDay()
        let cuti = try Self.cutiBersama()
        let path = try setup.write("badung.toml", Self.badungFile(day: day, cuti: cuti))
        let daemon = try await setup.start()

        // Without the file the cuti bersama is a blackout everywhere: a shipped one, moved off.
        #expect(try BlackoutCalendar.national.blackout(at: LocalDateTime(date: cuti.date, hour: 9), in: RegionCode(Self.munggu)) != nil)
        try await onThread {
            let connection = try daemon.connect()
            try Self.expectBothInForce(connection, day: day, cuti: cuti)
            let village = try Self.preview(connection, day, in: Self.munggu)
            #expect(village.region == Self.munggu && village.regionName == "Munggu" && village.province == "51")
        }

        // The operator breaks the file while renaming the day: line 7 names a province
        // where a regency belongs. The reload keeps the previous content and says where.
        try setup.write(
            "badung.toml", Self.badungFile(day: day, cuti: cuti, name: "Hari Jadi (baru)").replacingOccurrences(
                of: "reference = \"Perbup Badung\"", with: "reference = \"Perbup Badung\"\nprovinces = [\"51.03\"]"))
        let reload = try await onThread { try daemon.connect().call("daemon.reload", as: DaemonReloadResult.self) }
        #expect(reload.blackoutFilesRefused == ["\(path):7: provinces: 51.03 is a regency code; provinces takes province codes"])
        #expect(reload.tasksOnNewBlackouts == 0)
        #expect(try await daemon.logContains("blackout file refused; its previous blackouts stay in use: \(path):7: provinces:"))
        try await onThread {
            let connection = try daemon.connect()
            try Self.expectBothInForce(connection, day: day, cuti: cuti)
            let list = try connection.call(
                "blackout.list", params: ["regency": .string(Self.badung), "year": .number(JSONNumber(day.year))],
                as: BlackoutList.self)
            #expect(list.refused == [
                BlackoutFileRefusalInfo(
                    file: path, line: 7, message: "provinces: 51.03 is a regency code; provinces takes province codes",
                    keptPrevious: true)
            ])
            #expect(list.blackouts.contains { $0.name == Self.anniversary && $0.source == "\(path):2" })
        }

        // Fixed, the file's new content is in use and nothing is refused.
        try setup.write("badung.toml", Self.badungFile(day: day, cuti: cuti, name: "Hari Jadi (baru)"))
        let fixed = try await onThread { try daemon.connect().call("daemon.reload", as: DaemonReloadResult.self) }
        #expect(fixed.blackoutFilesRefused.isEmpty)
        let renamed = try await onThread { try Self.preview(daemon.connect(), day, in: Self.munggu) }
        #expect(renamed.shifted.map(\.blackout) == ["Hari Jadi (baru)"])
    }

    @Test func aBrokenFileAtStartIsRefusedAndTheOthersLoad() async throws {
        let setup = try Setup()
        let day = Self.freeDay()
        let cuti = try Self.cutiBersama()
        try setup.write("badung.toml", Self.badungFile(day: day, cuti: cuti))
        let broken = try setup.write(
            "gianyar.toml", "[[blackout]]\nname = \"Hari Jadi Gianyar\"\nfrom = \"\(day)\"\nregencies = [\"51.04\"]\nuntil = \"soon\"\n")
        let daemon = try await setup.start()
        #expect(try await daemon.logContains("blackout file refused: \(broken):5: until:"))
        try await onThread {
            let connection = try daemon.connect()
            #expect(try Self.preview(connection, day, in: Self.gianyar).shifted.isEmpty, "nothing of the broken file is used")
            #expect(try Self.preview(connection, day, in: Self.badung).shifted.map(\.blackout) == [Self.anniversary])
        }
        let ctl = try Binaries.path("kaderctl")
        let listing = try await run(ctl, ["--socket", daemon.socket, "blackouts", "--regency", Self.gianyar, "--year", "\(day.year)"])
        #expect(listing.status == 0, "\(listing.stderr)")
        #expect(listing.stdout.contains("refused: \(broken)\n  \(broken):5: until:"), "\(listing.stdout)")
    }

    @Test func kaderctlListsShippedFileAndPluginBlackoutsWithTheirSources() async throws {
        let setup = try Setup(withPlugins: true)
        try setup.plugins?.addBali()
        let day = Self.freeDay()
        let cuti = try Self.cutiBersama()
        let path = try setup.write("badung.toml", Self.badungFile(day: day, cuti: cuti))
        let daemon = try await setup.start()
        let ctl = try Binaries.path("kaderctl")
        let year = "\(day.year)"
        let shipsThatYear = BlackoutCalendar.national.holidayCoverage?.years.contains(day.year) == true

        let table = try await run(ctl, ["--socket", daemon.socket, "blackouts", "--province", "51", "--year", year])
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.split(separator: " ", omittingEmptySubsequences: true) == ["DAY(S)", "NAME", "SCOPE", "SOURCE"])
        #expect(lines.contains { $0.hasPrefix("\(day)") && $0.contains(Self.anniversary) && $0.contains("regency 51.03 Kabupaten Badung")
            && $0.contains("\(path):2 (Perbup Badung)") }, "\(table.stdout)")
        #expect(lines.contains { $0.contains("Hari Raya Galungan") && $0.contains("province 51") && $0.hasSuffix("plugin bali") })
        if shipsThatYear {
            #expect(lines.contains { $0.contains("nation") && $0.hasSuffix("holidays.csv") })
        }
        if cuti.date.year == day.year {
            #expect(lines.contains { $0.hasPrefix("\(cuti.date)") && $0.contains("\(cuti.name) (removed)") && $0.contains("SKB 3 Menteri") })
        }

        let json = try await run(ctl, ["--socket", daemon.socket, "--json", "blackouts", "--province", "51", "--year", year])
        let list = try JSONParser.parse(json.stdout).decode(BlackoutList.self)
        #expect(list.region == "51" && list.zone == "WITA" && list.from == "\(year)-01-01" && list.through == "\(year)-12-31")
        #expect(Set(list.blackouts.map(\.sourceKind)) == (shipsThatYear ? ["shipped", "file", "plugin"] : ["file", "plugin"]))
        #expect(list.affected == nil)
        let own = try #require(list.blackouts.first { $0.name == Self.anniversary })
        #expect(own == BlackoutInfo(
            name: Self.anniversary, from: "\(day)", until: "\(day)", wholeDays: true, scope: "regency", region: Self.badung,
            regionName: "Kabupaten Badung", source: "\(path):2", sourceKind: "file", reference: "Perbup Badung", removal: false))

        // Gianyar is in Bali but not in Badung: its listing leaves Badung's day out.
        let gianyar = try await run(ctl, ["--socket", daemon.socket, "--json", "blackouts", "--regency", Self.gianyar, "--year", year])
        #expect(try !JSONParser.parse(gianyar.stdout).decode(BlackoutList.self).blackouts.contains { $0.name == Self.anniversary })

        let usage = try await run(ctl, ["--socket", daemon.socket, "blackouts", "--year", year])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("give --province, --regency, --district or --village"))
        let help = try await run(ctl, ["blackouts", "--help"])
        #expect(help.stdout.contains("Example: kaderctl blackouts --regency 51.03"))
    }

    /// Tasks already planned are not moved by a new blackout: the reload counts them, the
    /// log warns, `--affected` lists them, and moving one onto the day needs --force.
    @Test func aReloadThatAddsABlackoutUnderAPlannedTaskReportsIt() async throws {
        let setup = try Setup()
        let day = Self.freeDay()
        let daemon = try await setup.start()
        let ctl = try Binaries.path("kaderctl")
        let identification = try await onThread { () throws -> TaskInfo in
            let connection = try daemon.connect()
            let cadre = try connection.call(
                "cadre.register",
                params: ["name": "Ni Wayan Sari", "sex": "P", "birth_year": 1996, "field": "kesehatan", "village": .string(Self.munggu)],
                as: CadreBatch.self
            ).cadres[0].id
            let run = try connection.call(
                "workflow.start", params: ["cadre": .string(cadre), "start_date": .string("\(day)")], as: WorkflowDetail.self)
            return run.tasks[0]
        }
        #expect(identification.windowStart == "\(day)T09:00:00+08:00")
        let empty = try await run(ctl, ["--socket", daemon.socket, "blackouts", "--regency", Self.badung, "--affected"])
        #expect(empty.status == 0)
        #expect(empty.stderr.contains("no scheduled or due task opens on a blackout in Kabupaten Badung (51.03)"))

        try setup.write(
            "badung.toml", "[[blackout]]\nname = \"\(Self.anniversary)\"\nfrom = \"\(day)\"\nregencies = [\"\(Self.badung)\"]\n")
        let reload = try await onThread { try daemon.connect().call("daemon.reload", as: DaemonReloadResult.self) }
        #expect(reload.tasksOnNewBlackouts == 1)
        #expect(reload.blackoutFilesRefused.isEmpty)
        #expect(try await daemon.logContains("1 scheduled or due tasks now open on a blackout the reload added"))
        // Planned work stays where it was.
        let unmoved = try await onThread {
            try daemon.connect().call("task.get", params: ["id": .string(identification.id)], as: TaskDetail.self).task
        }
        #expect(unmoved.windowStart == identification.windowStart)

        let json = try await run(ctl, ["--socket", daemon.socket, "--json", "blackouts", "--regency", Self.badung, "--affected"])
        let list = try JSONParser.parse(json.stdout).decode(BlackoutList.self)
        #expect(list.affected?.map(\.task.id) == [identification.id])
        #expect(list.affected?.first?.blackout == Self.anniversary)
        #expect(list.through == nil, "without --year, this year and every later one")
        let table = try await run(ctl, ["--socket", daemon.socket, "blackouts", "--village", Self.munggu, "--affected"])
        let row = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix(identification.id) })
        #expect(row.contains("\(day) 09:00 WITA") && row.hasSuffix(Self.anniversary), "\(table.stdout)")
        let outside = try await run(ctl, ["--socket", daemon.socket, "--json", "blackouts", "--regency", Self.gianyar, "--affected"])
        #expect(try JSONParser.parse(outside.stdout).decode(BlackoutList.self).affected == [])

        // Moving it within the day is refused, naming the blackout; the next day is fine.
        let refused = try await run(
            ctl, ["--socket", daemon.socket, "task", "reschedule", identification.id, "--to", "\(day)T10:00", "--reason", "x"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("is \(Self.anniversary), a blackout in Bali"), "\(refused.stderr)")
        let moved = try await run(
            ctl, ["--socket", daemon.socket, "task", "reschedule", identification.id, "--to", "\(day.adding(days: 1))", "--reason", "hari jadi"])
        #expect(moved.status == 0, "\(moved.stderr)")
        let after = try await run(ctl, ["--socket", daemon.socket, "--json", "blackouts", "--regency", Self.badung, "--affected"])
        #expect(try JSONParser.parse(after.stdout).decode(BlackoutList.self).affected == [])

        // Reloading the same file again adds nothing new.
        let again = try await onThread { try daemon.connect().call("daemon.reload", as: DaemonReloadResult.self) }
        #expect(again.tasksOnNewBlackouts == 0)
    }

    @Test func blackoutListRefusesAMissingOrUnknownPlace() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        try await onThread {
            let connection = try daemon.connect()
            func fields(_ params: JSONValue) throws -> [RPCFieldError] {
                do {
                    _ = try connection.call("blackout.list", params: params)
                    Issue.record("blackout.list \(params) should have been refused")
                    return []
                } catch ClientError.remote(let error) {
                    #expect(error.kind == .invalidParams)
                    return error.fields
                }
            }
            #expect(try fields([:]).map(\.field) == ["province"])
            #expect(try fields(["regency": "51.99"]) == [
                RPCFieldError(field: "regency", message: "no regency has the code 51.99 (region.search 51 lists them)")
            ])
            #expect(try fields(["province": "52", "regency": "51.03"]) == [
                RPCFieldError(field: "regency", message: "51.03 is not within the province given, 52")
            ])
            #expect(try fields(["province": "51", "colour": "red"]).map(\.field) == ["colour"])
            // The shipped holidays of this year, with no file and no plugin.
            let list = try connection.call("blackout.list", params: ["province": "11"], as: BlackoutList.self)
            let year = TestCalendar.today(in: "11").year
            #expect(list.from == "\(year)-01-01" && list.zone == "WIB")
            #expect(list.blackouts.allSatisfy { $0.sourceKind == "shipped" && $0.scope == "nation" && !$0.removal })
            #expect(list.refused.isEmpty)
        }
    }
}
