import Foundation
import KaderClient
import KaderRPC
import KaderTesting
import Testing

/// What the daemon does when its disk or its database lets it down: a clear error, nothing
/// acknowledged lost, nothing overwritten.
@Suite struct FaultTests {
    /// A tmpfs of a given size mounted for one test, unmounted after it.
    final class SmallDisk: Sendable {
        let path: String

        init(in directory: TemporaryDirectory, size: String) async throws {
            try #require(getuid() == 0, "This test mounts a small tmpfs to fill it, so it must run as root (as CI does)")
            path = directory.file("disk")
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            let mounted = try await run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size),mode=0755", "tmpfs", path])
            try #require(mounted.status == 0, "mount: \(mounted.stderr)")
        }

        func resize(to size: String) async throws {
            let result = try await run("/bin/mount", ["-o", "remount,size=\(size)", path])
            try #require(result.status == 0, "remount: \(result.stderr)")
        }

        deinit {
            _ = try? ChildProcess("/bin/umount", ["-l", path]).wait()
        }
    }

    private static func batch(_ prefix: String, count: Int) throws -> JSONValue {
        let notes = String(repeating: "catatan pendampingan ", count: 100)
        let cadres = (0..<count).map { number in
            var fields = CadreFields(
                name: "\(prefix) \(number)", sex: "female", birthYear: 1990, field: "kesehatan", village: "51.03.01.1002")
            fields.notes = notes
            return fields
        }
        return try JSONValue(encoding: CadreRegisterParams(cadres: cadres))
    }

    @Test func aFullDiskGivesAClearErrorAndTheDaemonRecoversWhenSpaceReturns() async throws {
        let directory = TemporaryDirectory()
        let disk = try await SmallDisk(in: directory, size: "3m")
        let daemon = try await KaderdProcess(directory: directory, arguments: ["--state-dir", disk.path + "/state"])
        let (acknowledged, refusal) = try await onThread { () throws -> ([String], RPCError) in
            let connection = try daemon.connect()
            var acknowledged: [String] = []
            for round in 0..<200 {
                do {
                    let batch = try connection.call("cadre.register", params: try Self.batch("Full \(round)", count: 20), as: CadreBatch.self)
                    acknowledged += batch.cadres.map(\.id)
                } catch {
                    guard case .remote(let refusal) = error as? ClientError else { throw error }
                    return (acknowledged, refusal)
                }
            }
            Issue.record("the disk never filled")
            return (acknowledged, RPCError(.internalError, ""))
        }
        #expect(refusal.kind == .unavailable, "\(refusal)")
        #expect(refusal.message.contains("not saved"), "\(refusal)")
        #expect(refusal.message.lowercased().contains("full"), "\(refusal)")
        #expect(!acknowledged.isEmpty)

        // Reads still work while the disk is full; once there is room, writes do again.
        try await onThread { _ = try daemon.connect().call("daemon.status") }
        try await disk.resize(to: "64m")
        try await onThread {
            let batch = try daemon.connect().call("cadre.register", params: try Self.batch("After", count: 20), as: CadreBatch.self)
            #expect(batch.cadres.count == 20)
        }
        // Nothing acknowledged before the disk filled was lost.
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit() == 0)
        let restarted = try await KaderdProcess(directory: directory, arguments: ["--state-dir", disk.path + "/state"])
        try await onThread {
            let connection = try restarted.connect()
            for id in [acknowledged.first!, acknowledged.last!] {
                #expect(try connection.call("cadre.get", params: ["id": .string(id)])["cadre"]?["id"] == .string(id))
            }
        }
    }

    @Test(arguments: ["garbage", "a database header over garbage"])
    func aCorruptDatabaseStopsStartUpAndIsLeftAsItIs(damage: String) async throws {
        let directory = TemporaryDirectory()
        let database = directory.file("state/kaderd.sqlite")
        try FileManager.default.createDirectory(atPath: directory.file("state"), withIntermediateDirectories: true)
        var bytes = (0..<65536).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        if damage != "garbage" { bytes.replaceSubrange(0..<16, with: Array("SQLite format 3\0".utf8)) }
        try Data(bytes).write(to: URL(fileURLWithPath: database))
        let before = try Data(contentsOf: URL(fileURLWithPath: database))

        do {
            _ = try await KaderdProcess(directory: directory)
            Issue.record("kaderd started over a damaged database")
        } catch let failure as KaderdProcess.StartFailure {
            #expect(failure.status == 78, "\(failure.stderr)")
            #expect(failure.stderr.contains(database), "\(failure.stderr)")
            #expect(failure.stderr.contains("Restore it from a backup or move it aside"), "\(failure.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before, "the damaged file was changed")
    }
}
