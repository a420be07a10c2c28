import Foundation
import KaderClient
import KaderCore
import KaderRPC
import KaderTesting
import Testing

/// Cadres are people: their names may be in the database and in replies to those allowed
/// to read, but never in the daemon's log, which travels further (the journal, log shipping).
@Suite struct PersonalDataTests {
    @Test func theLogCarriesIdsNotNames() async throws {
        let name = "Ni Komang Sukerti Wahyuni"
        let village = "51.03.02.2001"
        // A start the daemon accepts whatever the date: it refuses one in the past.
        let start = TestCalendar.freeDay(atLeast: 2, in: village)
        let daemon = try await KaderdProcess(directory: TemporaryDirectory(), arguments: ["--log-level", "trace"])
        try await onThread {
            let connection = try daemon.connect()
            let fields = CadreFields(name: name, sex: "female", birthYear: 1991, field: "kesehatan", village: village)
            let batch = try connection.call(
                "cadre.register", params: JSONValue(encoding: CadreRegisterParams(cadres: [fields])), as: CadreBatch.self)
            let id = try #require(batch.cadres.first?.id)
            _ = try connection.call("cadre.update", params: ["id": .string(id), "name": .string(name + " Putri")])
            _ = try connection.call("cadre.get", params: ["id": .string(id)])
            _ = try connection.call("cadre.list")
            _ = try connection.call("workflow.start", params: ["cadre": .string(id), "start_date": .string("\(start)")])
            // A refused registration, whose problems are reported back, not logged.
            _ = try? connection.call(
                "cadre.register",
                params: ["name": .string(name), "sex": "female", "birth_year": 1991, "field": "kesehatan", "village": "51.99.99.9999"])
        }
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit() == 0)
        #expect(daemon.log.contains("ready"))
        for part in ["Komang", "Sukerti", "Wahyuni"] {
            #expect(!daemon.log.contains(part), "the log names the cadre:\n\(daemon.log)")
        }
    }
}
