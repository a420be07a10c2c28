import Foundation
import KaderClient
import KaderRPC
import KaderTesting
import Synchronization
import Testing

/// `kaderctl backup FILE` while kaderd serves, and `kaderd --restore FILE` with it stopped,
/// with the real binaries on a real socket. The daemons are pinned to SQLite, the store
/// these are for (the Makefile runs the suite in the SQLite pass only); a PostgreSQL one is
/// refused with the way to back it up instead.
@Suite struct BackupTests {
    static let sqlite = "store = \"sqlite\"\n"

    @Test func aBackupTakenDuringEightWritersHoldsEveryWriteAcknowledgedBeforeIt() async throws {
        let directory = TemporaryDirectory()
        let daemon = try await KaderdProcess(directory: directory, config: Self.sqlite)
        let log = AcknowledgedWrites()
        let writers = Task {
            do {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for writer in 0..<8 {
                        group.addTask { try await onThread { try Self.write(as: writer, to: daemon, log: log) } }
                    }
                    try await group.waitForAll()
                }
            } catch {
                log.stop()  // so the wait below ends, and the failure is reported
                throw error
            }
        }
        for await count in log.counts where count >= 200 { break }

        // Every write in `before` was acknowledged before kaderctl even started.
        let before = log.ids
        let file = directory.file("backup.sqlite")
        let backup = try await run(try Binaries.path("kaderctl"), ["--socket", daemon.socket, "backup", file])
        let acknowledgedMeanwhile = log.ids.count - before.count
        log.stop()
        try await writers.value
        let everyWrite = Set(log.ids)
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(backup.stdout.hasPrefix("backed up kaderd's store into \(file)\n"), "\(backup.stdout)")
        #expect(backup.stdout.contains("kaderd --restore \(file)"), "\(backup.stdout)")
        #expect(acknowledgedMeanwhile > 0, "the writers went on while the backup was taken")
        var facts = stat()
        #expect(stat(file, &facts) == 0 && facts.st_mode & 0o777 == 0o600, "the copy is the caller's alone")
        let leftInStateFolder = try FileManager.default.contentsOfDirectory(atPath: daemon.stateDir + "/backups")
        #expect(leftInStateFolder.isEmpty, "kaderd removed its copy once read: \(leftInStateFolder)")
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit() == 0)

        // Into a state folder that does not exist yet.
        let fresh = TemporaryDirectory()
        let restored = try await restore(file, into: fresh)
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.hasPrefix("restored \(file) into \(fresh.file("state"))/kaderd.sqlite\n"), "\(restored.stdout)")
        #expect(restored.stdout.contains("  checked     integrity ok, schema v"), "\(restored.stdout)")
        #expect(restored.stdout.contains("  kept aside  nothing (there was no store)"), "\(restored.stdout)")

        let again = try await KaderdProcess(directory: fresh, config: Self.sqlite)
        let (ids, added) = try await onThread {
            let connection = try again.connect()
            var ids: [String] = []
            var cursor: String?
            repeat {
                let page = try connection.call(
                    "cadre.list", params: JSONValue(encoding: CadreListParams(cursor: cursor, limit: 1000)), as: CadreList.self)
                ids += page.cadres.map(\.id)
                cursor = page.nextCursor
            } while cursor != nil
            let added = try connection.call(
                "cadre.register",
                params: JSONValue(
                    encoding: CadreRegisterParams(
                        single: CadreFields(
                            name: "Sesudah Pemulihan", sex: "female", birthYear: 1990, field: "kesehatan",
                            village: "51.03.02.2001"))))
            return (Set(ids), added["cadres"]?.arrayValue?.first?["id"]?.stringValue)
        }
        let missing = Set(before).subtracting(ids)
        #expect(missing.isEmpty, "\(missing.count) of the \(before.count) writes acknowledged before the backup are missing")
        #expect(ids.isSubset(of: everyWrite), "the copy holds only acknowledged writes")
        #expect(added != nil, "the restored daemon takes writes")
        again.signal(SIGTERM)
        #expect(try await again.waitForExit() == 0)
    }

    @Test func restoreRefusesWhatIsNotAWholeStoreOfThisKaderdAndChangesNothing() async throws {
        let directory = TemporaryDirectory()
        let daemon = try await KaderdProcess(directory: directory, config: Self.sqlite)
        try await onThread {
            let connection = try daemon.connect()
            _ = try connection.call(
                "cadre.register",
                params: JSONValue(
                    encoding: CadreRegisterParams(
                        single: CadreFields(
                            name: "Ni Made Sari", sex: "female", birthYear: 1992, field: "kesehatan", village: "51.03.02.2001"))))
        }
        let good = directory.file("good.sqlite")
        let backup = try await run(try Binaries.path("kaderctl"), ["--socket", daemon.socket, "backup", good])
        #expect(backup.status == 0, "\(backup.stderr)")

        let inUse = try await restore(good, stateDir: daemon.stateDir, config: directory)
        #expect(inUse.status == 75)
        #expect(inUse.stderr.contains("is in use by another kaderd (pid \(daemon.pid)"), "\(inUse.stderr)")
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit() == 0)

        let store = daemon.stateDir + "/kaderd.sqlite"
        let entries = try FileManager.default.contentsOfDirectory(atPath: daemon.stateDir).sorted()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: store))

        let text = directory.file("cadres.csv")
        try "name,sex\nNi Made Sari,P\n".write(toFile: text, atomically: true, encoding: .utf8)
        let foreign = directory.file("foreign.sqlite")
        #expect(try await run("/usr/bin/sqlite3", [foreign, "CREATE TABLE t (x)"]).status == 0)
        let newer = directory.file("newer.sqlite")
        try FileManager.default.copyItem(atPath: good, toPath: newer)
        let future = "INSERT INTO grdb_migrations VALUES ('v99: from a later kaderd')"
        #expect(try await run("/usr/bin/sqlite3", [newer, future]).status == 0)
        let damaged = directory.file("damaged.sqlite")
        try Self.damage(good, into: damaged)

        let refusals: [(file: String, status: Int32, says: String)] = [
            (directory.file("nothing.sqlite"), 66, "there is no file \(directory.file("nothing.sqlite"))"),
            (text, 65, "\(text) is not a SQLite database"),
            (foreign, 65, "\(foreign) is a SQLite database but not a kaderd store"),
            (newer, 65, "\(newer) was made by a newer kaderd: its schema has v99: from a later kaderd"),
            (damaged, 65, "\(damaged) is damaged: integrity_check found"),
        ]
        for refusal in refusals {
            let result = try await restore(refusal.file, stateDir: daemon.stateDir, config: directory)
            #expect(result.status == refusal.status, "\(refusal.file): \(result.stderr)")
            #expect(result.stderr.contains(refusal.says), "\(result.stderr)")
            #expect(result.stderr.contains("nothing was changed"), "\(result.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: daemon.stateDir).sorted() == entries)
            #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == bytes, "\(refusal.file) changed the store")
        }

        // Over a store: the one replaced is kept aside, whole, and the copy is served.
        let restored = try await restore(good, stateDir: daemon.stateDir, config: directory)
        #expect(restored.status == 0, "\(restored.stderr)")
        let aside = try #require(
            try FileManager.default.contentsOfDirectory(atPath: daemon.stateDir).first { $0.hasPrefix("kaderd.sqlite.before-restore-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") })
        #expect(restored.stdout.contains("  kept aside  \(daemon.stateDir)/\(aside) (the store it replaced)"), "\(restored.stdout)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: daemon.stateDir + "/" + aside)) == bytes)
        let again = try await KaderdProcess(directory: directory, config: Self.sqlite)
        let listed = try await onThread {
            try again.connect().call("cadre.list", params: JSONValue(encoding: CadreListParams()), as: CadreList.self)
        }
        #expect(listed.cadres.map(\.fields.name) == ["Ni Made Sari"])
        again.signal(SIGTERM)
        #expect(try await again.waitForExit() == 0)
    }

    @Test func aPostgreSQLStoreIsRefusedWithTheWayToBackItUp() async throws {
        let (server, database) = try await TestBackend.postgresDatabase()
        let directory = TemporaryDirectory()
        let config = "store = \"postgresql\"\npostgresql = \"\(server.url(database))\"\n"
        let daemon = try await KaderdProcess(directory: directory, config: config)
        let file = directory.file("backup.sqlite")
        let refused = try await run(try Binaries.path("kaderctl"), ["--socket", daemon.socket, "--json", "backup", file])
        #expect(refused.status == 69)
        let error = try JSONParser.parse(refused.stderr.trimmingCharacters(in: .whitespacesAndNewlines))["error"]
        #expect(error?["kind"] == "unavailable" && error?["code"] == -32005, "\(refused.stderr)")
        #expect(error?["message"]?.stringValue?.contains("back it up with pg_dump -Fc") == true, "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: file))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).allSatisfy { !$0.hasPrefix("backup.sqlite") })
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit() == 0)

        let restore = try await run(
            try Binaries.path("kaderd"),
            ["--state-dir", daemon.stateDir, "--config", directory.file("kaderd.toml"), "--restore", file])
        #expect(restore.status == 64)
        #expect(restore.stderr.contains("restore that with pg_restore"), "\(restore.stderr)")
    }

    /// The admin group gets the copy through the socket without any access to the state
    /// folder; the read group, which may read every cadre one by one, may not take them all.
    @Test func anAdminWhoCannotReadTheStateFolderGetsTheCopyAReaderDoesNot() async throws {
        let accounts = try await TestAccounts(
            groups: ["admins", "readers"], users: [("reader", ["readers"]), ("admin", ["admins", "readers"])])
        let directory = TemporaryDirectory()
        let config = Self.sqlite + "admin_group = \"\(accounts.name("admins"))\"\nread_group = \"\(accounts.name("readers"))\"\n"
        let daemon = try await KaderdProcess(directory: directory, config: config)
        #expect(chmod(directory.path, 0o711) == 0)
        #expect(chmod(daemon.socket, 0o666) == 0)
        #expect(chmod(daemon.stateDir, 0o700) == 0)
        let outbox = directory.file("outbox")
        try FileManager.default.createDirectory(atPath: outbox, withIntermediateDirectories: false)
        #expect(chown(outbox, try accounts.uid("admin"), gid_t(UInt32.max)) == 0)
        #expect(chmod(outbox, 0o777) == 0)

        let kaderctl = try Binaries.path("kaderctl")
        let copy = outbox + "/copy.sqlite"
        let taken = try await accounts.run(as: "admin", kaderctl, ["--socket", daemon.socket, "backup", copy])
        #expect(taken.status == 0, "\(taken.stderr)")
        var facts = stat()
        #expect(stat(copy, &facts) == 0)
        #expect(facts.st_uid == (try accounts.uid("admin")) && facts.st_mode & 0o777 == 0o600)

        let refused = try await accounts.run(as: "reader", kaderctl, ["--socket", daemon.socket, "backup", outbox + "/r.sqlite"])
        #expect(refused.status == 77)
        #expect(refused.stderr.contains("daemon.backup hands out a copy of the whole store"), "\(refused.stderr)")
        #expect(refused.stderr.contains(accounts.name("admins")), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: outbox + "/r.sqlite"))
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit() == 0)
    }

    /// `kaderd --restore FILE` on a folder's own state folder, with a config pinned to SQLite.
    private func restore(_ file: String, into directory: TemporaryDirectory) async throws -> ProcessResult {
        try await restore(file, stateDir: directory.file("state"), config: directory)
    }

    private func restore(_ file: String, stateDir: String, config directory: TemporaryDirectory) async throws -> ProcessResult {
        let config = directory.file("restore.toml")
        try Self.sqlite.write(toFile: config, atomically: true, encoding: .utf8)
        return try await run(try Binaries.path("kaderd"), ["--state-dir", stateDir, "--config", config, "--restore", file])
    }

    /// Registers cadres one by one until told to stop, recording each acknowledged.
    private static func write(as writer: Int, to daemon: KaderdProcess, log: AcknowledgedWrites) throws {
        let connection = try daemon.connect()
        var number = 0
        while !log.stopped {
            let fields = CadreFields(
                name: "Penulis \(writer) \(number)", sex: writer % 2 == 0 ? "female" : "male", birthYear: 1970 + number % 30,
                field: "kesehatan", village: "51.03.02.2001")
            let reply = try connection.call("cadre.register", params: JSONValue(encoding: CadreRegisterParams(single: fields)))
            guard let id = reply["cadres"]?.arrayValue?.first?["id"]?.stringValue else {
                throw UnexpectedReply(reply: reply)
            }
            log.record(id)
            number += 1
        }
    }

    /// A copy of `source` with the start of its pages after the first overwritten: the schema
    /// still reads, the tables and indexes do not.
    private static func damage(_ source: String, into target: String) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: source)))
        let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        for page in stride(from: pageSize, to: bytes.count, by: pageSize * 2) {
            for offset in page..<min(page + 32, bytes.count) { bytes[offset] = 0xA5 }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: target))
    }
}

struct UnexpectedReply: Error {
    let reply: JSONValue
}

/// The ids of the writes kaderd acknowledged, from every writer thread, in order.
final class AcknowledgedWrites: Sendable {
    private let state = Mutex<(ids: [String], stopped: Bool)>(([], false))
    /// The count after each write, for waiting until enough are in.
    let counts: AsyncStream<Int>
    private let continuation: AsyncStream<Int>.Continuation

    init() {
        (counts, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
    }

    var ids: [String] { state.withLock { $0.ids } }
    var stopped: Bool { state.withLock { $0.stopped } }

    func record(_ id: String) {
        let count = state.withLock { state in
            state.ids.append(id)
            return state.ids.count
        }
        continuation.yield(count)
    }

    func stop() {
        state.withLock { $0.stopped = true }
        continuation.finish()
    }
}
