import Foundation
import KaderCore
import KaderRPC
import KaderTesting
import Testing

/// kaderctl as consistent as systemctl, docker and journalctl: one rule for times, the API
/// and the CLI meaning the same, lists that say when they are cut, regions as people say
/// them, a socket the read group can open.
@Suite struct KaderctlConsistencyTests {
    /// What happened in the daemon is shown in this machine's zone, with its name.
    @Test func recordTimesAreInThisMachinesZoneWithItsName() async throws {
        let ctl = try await KaderctlSession()
        let cadre = try await ctl.register("Ni Luh Ayu", sex: "P", born: 1994, field: "kesehatan", village: "51.03.02.2001")
        let before = Date()
        let shown = try await KaderTesting.run(
            try Binaries.path("kaderctl"), ["--socket", ctl.daemon.socket, "cadre", "show", cadre],
            environment: ["TZ": "Asia/Makassar"])
        let registered = try #require(shown.stdout.split(separator: "\n").first { $0.contains("registered") })
        #expect(registered.hasSuffix(" WITA"), "\(registered)")
        // The digits are Makassar's wall clock: eight hours ahead of UTC.
        var makassar = Calendar(identifier: .gregorian)
        makassar.timeZone = TimeZone(identifier: "Asia/Makassar")!
        let hour = makassar.component(.hour, from: before)
        #expect(registered.contains(String(format: " %02d:", hour)) || registered.contains(String(format: " %02d:", (hour + 1) % 24)))
        #expect(!shown.stdout.contains("UTC"), "\(shown.stdout)")

        // What happens in the village: its clock and zone name, in history details and errors too.
        let start = TestCalendar.freeDay(atLeast: 2, in: "51")
        let run = try await ctl.json(["workflow", "start", "--cadre", cadre, "--start-date", "\(start)"])
        let visit = try #require(run["tasks"]?.arrayValue?.last?["id"]?.stringValue)
        let last = try #require(run["tasks"]?.arrayValue?.last?["window_start"]?.stringValue)
        let later = String(last.prefix(10))
        let moved = try await ctl.run(["task", "reschedule", visit, "--to", "\(later)T10:30", "--reason", "banjir"])
        #expect(moved.status == 0, "\(moved.stderr)")
        let history = try await ctl.run(["task", "show", visit])
        #expect(history.stdout.contains(" WITA") && !history.stdout.contains("+08:00"), "\(history.stdout)")
        let past = try await ctl.run(["task", "reschedule", visit, "--to", "\(TestCalendar.today(in: "51").adding(days: -3))T09:00"])
        #expect(past.stderr.contains("09:00 WITA has already passed; it is "), "\(past.stderr)")
    }

    /// `to` includes its day in the API as in the CLI; `next_cursor` is null on the last page.
    @Test func theAPIAndTheCLIMeanTheSameDays() async throws {
        let ctl = try await KaderctlSession()
        let cadre = try await ctl.register("Ni Luh Ayu", sex: "P", born: 1994, field: "kesehatan", village: "51.03.02.2001")
        let start = TestCalendar.freeDay(atLeast: 2, in: "51")
        let started = try await ctl.json(["workflow", "start", "--cadre", cadre, "--start-date", "\(start)"])
        let opening = try #require(started["tasks"]?.arrayValue?.first?["window_start"]?.stringValue)
        let day = String(opening.prefix(10))
        let cli = try await ctl.json(["task", "list", "--from", day, "--to", day])
        let api = try await ctl.json(["call", "task.list", #"{"from": "\#(day)", "to": "\#(day)"}"#])
        let cliTasks = cli["tasks"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        #expect(!cliTasks.isEmpty)
        #expect(api["tasks"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == cliTasks)
        #expect(api["next_cursor"] == .null, "present and null on the last page: \(api)")
        let cadres = try await ctl.json(["call", "cadre.list"])
        #expect(cadres.objectValue?.keys.contains("next_cursor") == true && cadres["next_cursor"] == .null)

        // Every change answers with what it changed, named: never a bare record.
        let first = try #require(cliTasks.first)
        let startedTask = try await ctl.json(["call", "task.start", #"{"id": "\#(first)"}"#])
        #expect(startedTask["task"]?["state"]?.stringValue == "in_progress", "\(startedTask)")
        let updated = try await ctl.json(["call", "cadre.update", #"{"id": "\#(cadre)", "notes": "ketua"}"#])
        #expect(updated["cadre"]?["notes"]?.stringValue == "ketua", "\(updated)")
        let registered = try await ctl.json(["call", "cadre.register", #"{"name": "Made", "sex": "L", "birth_year": 1990, "field": "ekonomi", "village": "51.03.02.2001"}"#])
        #expect(registered["cadres"]?.arrayValue?.count == 1)
    }

    @Test func aRegionSearchSaysWhenItIsCutAndGoesOn() async throws {
        let ctl = try await KaderctlSession()
        let first = try await ctl.run(["region", "search", "kuta"])
        #expect(first.stdout.split(separator: "\n").count == 21, "a header and the daemon's default 20")
        let note = try #require(first.stderr.split(separator: "\n").first)
        #expect(note.hasPrefix("kaderctl: more regions follow; add --all to list them all, or --cursor 20"), "\(first.stderr)")
        let next = try await ctl.run(["region", "search", "kuta", "--cursor", "20"])
        let firstCodes = Set(first.stdout.split(separator: "\n").dropFirst().map { $0.prefix(13) })
        let nextCodes = Set(next.stdout.split(separator: "\n").dropFirst().map { $0.prefix(13) })
        #expect(!nextCodes.isEmpty && firstCodes.isDisjoint(with: nextCodes))
        let all = try await ctl.json(["region", "search", "kuta", "--all"])
        let count = all["regions"]?.arrayValue?.count ?? 0
        #expect(count > 20 && all["next_cursor"] == .null, "\(count)")
    }

    @Test func regionsAreNamedAsPeopleSayThem() async throws {
        let ctl = try await KaderctlSession()
        // Mengwi is a district and a desa in it: within the district, by its name.
        let within = try await ctl.json(["region", "search", "mengwi", "--within", "mengwi", "--level", "desa"])
        let found = within["regions"]?.arrayValue ?? []
        #expect(found.count == 2, "Mengwi and Mengwitani: \(found)")
        #expect(found.allSatisfy { $0["code"]?.stringValue?.hasPrefix("51.03.02.2") == true }, "\(found)")
        for level in ["provinsi", "kabupaten", "kecamatan", "kelurahan"] {
            let result = try await ctl.run(["region", "search", "bali", "--level", level])
            #expect(result.status == 0, "--level \(level): \(result.stderr)")
        }
        let undotted = try await ctl.json(["region", "search", "5103022001"])
        #expect(undotted["regions"]?.arrayValue?.first?["code"]?.stringValue == "51.03.02.2001")
        let registered = try await ctl.register("Made", sex: "L", born: 1990, field: "ekonomi", village: "5103022001")
        #expect(registered.hasPrefix("cdr_"))
        // A name several regions share: the candidates, to choose a code from.
        let ambiguous = try await ctl.run(["region", "search", "sari", "--within", "kuta"])
        #expect(ambiguous.status == 65)
        #expect(ambiguous.stderr.contains("'kuta' names"), "\(ambiguous.stderr)")
        #expect(ambiguous.stderr.contains("51.03.01 Kuta (district"), "\(ambiguous.stderr)")
        let qualified = try await ctl.run(["region", "search", "legian", "--within", "kuta, badung"])
        #expect(qualified.status == 0, "\(qualified.stderr)")
    }

    /// A socket kaderd binds itself is the read group's, 0660, as dockerd's is the docker
    /// group's; someone refused is told why.
    @Test func theSocketKaderdBindsIsTheReadGroupsAndARefusalSaysWhy() async throws {
        let accounts = try await TestAccounts(
            groups: ["readers"], users: [("reader", ["readers"]), ("out", []), ("late", ["readers"])])
        let directory = TemporaryDirectory()
        let config = directory.file("access.toml")
        try "read_group = \"\(accounts.name("readers"))\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try await KaderdProcess(directory: directory, arguments: ["--config", config])
        #expect(chmod(directory.path, 0o711) == 0)
        var info = stat()
        #expect(stat(daemon.socket, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o660)
        #expect(getgrgid(info.st_gid).map { String(cString: $0.pointee.gr_name) } == accounts.name("readers"))

        let kaderctl = try Binaries.path("kaderctl")
        let reader = try await accounts.run(as: "reader", kaderctl, ["--socket", daemon.socket, "status"])
        #expect(reader.status == 0, "\(reader.stderr)")
        let out = try await accounts.run(as: "out", kaderctl, ["--socket", daemon.socket, "status"])
        #expect(out.status == 77)
        #expect(out.stderr.contains("you are not in group \(accounts.name("readers"))"), "\(out.stderr)")
        // In the group by the database, not in this session (joined after logging in).
        let late = try await KaderTesting.run(
            "/usr/bin/setpriv",
            ["--reuid", accounts.name("late"), "--regid", accounts.name("late"), "--clear-groups", "--", kaderctl, "--socket",
             daemon.socket, "status"])
        #expect(late.status == 77)
        #expect(late.stderr.contains("after this session began"), "\(late.stderr)")
    }

    @Test func socketPathsThatAreNotSocketsSayWhatTheyAre() async throws {
        let directory = TemporaryDirectory()
        let file = directory.file("notes.txt")
        #expect(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        let kaderctl = try Binaries.path("kaderctl")
        let regular = try await KaderTesting.run(kaderctl, ["--socket", file, "status"])
        #expect(regular.stderr.contains("that is a file, not a socket"), "\(regular.stderr)")
        let folder = try await KaderTesting.run(kaderctl, ["--socket", directory.path, "status"])
        #expect(folder.stderr.contains("that is a folder, not a socket"), "\(folder.stderr)")
        let empty = try await KaderTesting.run(kaderctl, ["--socket", "", "status"])
        #expect(empty.stderr.contains("no socket path was given"), "\(empty.stderr)")
        for result in [regular, folder, empty] { #expect(result.status == 69) }
    }

    /// A sheet as an office saves it: semicolons, village names; a dry run changes nothing.
    @Test func importsASheetAsOfficesHaveIt() async throws {
        let ctl = try await KaderctlSession()
        let sheet = try ctl.file(
            "kader.csv",
            "Nama;Jenis Kelamin;Tahun Lahir;Bidang;Desa\nNi Luh Ayu;P;1994;kesehatan;Sembung, Mengwi\nMade Sari;L;1990;ekonomi;5103022001\n")
        let dry = try await ctl.run(["import", "cadres", "--dry-run", sheet])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.hasPrefix("Checked 2 cadres from \(sheet): all can be registered; nothing was changed"), "\(dry.stdout)")
        #expect(try await ctl.json(["cadre", "list"])["cadres"]?.arrayValue?.isEmpty == true)

        let imported = try await ctl.json(["import", "cadres", sheet])
        let villages = imported["cadres"]?.arrayValue?.compactMap { $0["village"]?.stringValue } ?? []
        #expect(villages.count == 2 && villages[0].hasPrefix("51.03.02.") && villages[1] == "51.03.02.2001", "\(villages)")
        // Checked again, now every row is someone registered: the daemon's check, in a dry run.
        let again = try await ctl.run(["import", "cadres", "--dry-run", sheet])
        #expect(again.status == 81, "\(again.stderr)")
        #expect(again.stderr.contains("\(sheet):2: "), "\(again.stderr)")

        let namesake = try ctl.file("kuta.csv", "name;sex;birth_year;field;village\nWayan;L;1990;ekonomi;Kuta\n")
        let refused = try await ctl.run(["import", "cadres", namesake])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("\(namesake):2: village: 'Kuta' names"), "\(refused.stderr)")
    }

    /// As journalctl -f: kaderd killed and started again, watch goes on after the last
    /// event it showed, every event once.
    @Test func watchGoesOnAcrossARestartShowingEveryEventOnce() async throws {
        let directory = TemporaryDirectory()
        let daemon = try await KaderdProcess(directory: directory)
        let before = try await KaderctlSession(daemon: daemon).register(
            "Ni Luh Ayu", sex: "P", born: 1994, field: "kesehatan", village: "51.03.02.2001")
        let watch = try ChildProcess(
            try Binaries.path("kaderctl"), ["--socket", daemon.socket, "--json", "watch", "--since", "0"], output: .pipe,
            error: .pipe)
        let shown = Transcript()
        let output = watch.output!
        Thread {
            while case let chunk = output.read(), !chunk.isEmpty { shown.append(Data(chunk)) }
        }.start()
        #expect(try await onThread { shown.wait(for: before, timeout: waitLimit) })

        daemon.signal(SIGKILL)
        _ = try await daemon.waitForExit()
        let restarted = try await KaderdProcess(directory: directory)
        let after = try await KaderctlSession(daemon: restarted).register(
            "Made Sari", sex: "L", born: 1990, field: "ekonomi", village: "51.03.02.2001")
        #expect(try await onThread { shown.wait(for: after, timeout: waitLimit) }, "\(shown.text)")
        kill(watch.pid, SIGTERM)
        _ = try await onThread { watch.wait() }

        let events = try shown.text.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        let seqs = events.compactMap { $0["seq"]?.intValue }
        #expect(seqs.count == events.count && seqs.first == 1)
        #expect(seqs == Array(1...(seqs.last ?? 1)), "every event once, in order: \(seqs)")
        let stderr = String(decoding: watch.error!.readToEnd(), as: UTF8.self)
        #expect(stderr.contains("kaderd went away") && stderr.contains("reconnected"), "\(stderr)")
    }

    @Test func watchUntilNowStopsAndNamesWhatChanged() async throws {
        let ctl = try await KaderctlSession()
        _ = try await ctl.register("Ni Luh Ayu", sex: "P", born: 1994, field: "kesehatan", village: "51.03.02.2001")
        let history = try await ctl.run(["watch", "--since", "0", "--until-now"])
        #expect(history.status == 0, "\(history.stderr)")
        let line = try #require(history.stdout.split(separator: "\n").first { $0.contains(" cadre ") })
        #expect(line.contains("\"Ni Luh Ayu\" registered"), "\(line)")
        #expect(line.hasSuffix("(root)"), "the uid's account name: \(line)")
        let counted = try await ctl.run(["watch", "--since", "0", "--count", "1"])
        #expect(counted.status == 0 && counted.stdout.split(separator: "\n").count == 1)
    }

    @Test func smallThings() async throws {
        let ctl = try await KaderctlSession()
        let status = try await ctl.json(["status"])
        #expect(status["config"]?["plugin_timeout_seconds"]?.doubleValue == 5, "\(status)")
        #expect(status["config"]?["socket_mode"]?.stringValue == "0660")
        #expect(status["config"]?["state_dir"]?.stringValue == ctl.daemon.stateDir)
        let help = try await ctl.run(["workflow", "start", "--help"])
        #expect(help.stdout.contains("--program-version") && help.stdout.components(separatedBy: "--version").count == 2)
        let reload = try await ctl.run(["reload"])
        #expect(reload.status == 0 && reload.stdout.hasPrefix("kaderd reloaded "), "\(reload.stdout) \(reload.stderr)")
        let preview = try await ctl.run(["schedule", "preview", "--rule", "FREQ=DAILY;COUNT=1", "--start", "\(TestCalendar.today(in: "51"))T09:00", "--zone", "WITA"])
        #expect(preview.status == 0 && preview.stdout.contains("WITA"), "\(preview.stdout) \(preview.stderr)")
        let sex = try await ctl.run(
            ["cadre", "register", "--name", "X", "--sex", "Q", "--birth-year", "1990", "--field", "f", "--village", "51.03.02.2001"])
        #expect(sex.stderr.contains("L, laki-laki, M or male; P, perempuan, F or female"), "\(sex.stderr)")
        let ayu = try await ctl.register("Ayu", sex: "perempuan", born: 1990, field: "f", village: "51.03.02.2001")
        let made = try await ctl.register("Made", sex: "L", born: 1991, field: "f", village: "51.03.02.2002")
        let day = "\(TestCalendar.freeDay(atLeast: 2, in: "51"))"
        for cadre in [ayu, made] { _ = try await ctl.json(["workflow", "start", "--cadre", cadre, "--start-date", day]) }
        let workflows = try await ctl.run(["workflow", "list"])
        #expect(workflows.stdout.contains(" DONE ") && workflows.stdout.contains("0 of 11"), "\(workflows.stdout)")
        #expect(workflows.stdout.contains("Ayu") && workflows.stdout.contains("Made"), "names, not ids: \(workflows.stdout)")
        let tasks = try await ctl.run(["task", "list", "--province", "51"])
        #expect(tasks.stdout.split(separator: "\n").first?.contains("WORKFLOW") == true, "two workflows' tasks say whose")
    }
}
