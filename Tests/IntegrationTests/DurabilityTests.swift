import Foundation
import KaderClient
import KaderRPC
import KaderTesting
import Synchronization
import Testing

/// An acknowledged write survives `kill -9` of the daemon.
@Suite struct DurabilityTests {
    @Test func everyAcknowledgedRegistrationSurvivesKill9() async throws {
        let directory = TemporaryDirectory()
        let daemon = try await KaderdProcess(directory: directory)
        let acknowledged = AcknowledgedIDs()
        let target = 400
        // Eight clients register as fast as they can; the daemon is killed mid-stream.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for client in 0..<8 {
                group.addTask {
                    try await onThread {
                        let connection = try daemon.connect()
                        for number in 0..<1000 {
                            let params = try JSONValue(
                                encoding: CadreFields(
                                    name: "Kader \(client)-\(number)", sex: "female", birthYear: 1990, field: "kesehatan",
                                    village: "51.03.01.1002"))
                            do {
                                let batch = try connection.call("cadre.register", params: params, as: CadreBatch.self)
                                let count = acknowledged.append(batch.cadres[0].id)
                                if count == target { daemon.signal(SIGKILL) }
                            } catch ClientError.closed {
                                return
                            } catch ClientError.unreachable {
                                return
                            }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await daemon.waitForExit() == SIGKILL)
        let ids = acknowledged.all
        #expect(ids.count >= target)

        let restarted = try await KaderdProcess(directory: directory)
        let stored = try await onThread {
            let connection = try restarted.connect()
            var found: Set<String> = []
            var cursor: String?
            repeat {
                let page = try connection.call(
                    "cadre.list", params: try JSONValue(encoding: CadreListParams(cursor: cursor, limit: 1000)),
                    as: CadreList.self)
                found.formUnion(page.cadres.map(\.id))
                cursor = page.nextCursor
            } while cursor != nil
            return found
        }
        let lost = Set(ids).subtracting(stored)
        #expect(lost.isEmpty, "\(lost.count) acknowledged registrations were lost")
    }
}

/// The ids the daemon acknowledged, collected from several client threads.
final class AcknowledgedIDs: Sendable {
    private let ids = Mutex<[String]>([])

    /// Adds one; returns how many there are now.
    func append(_ id: String) -> Int {
        ids.withLock { ids in
            ids.append(id)
            return ids.count
        }
    }

    var all: [String] { ids.withLock { $0 } }
}
