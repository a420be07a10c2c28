import Foundation
import KaderClient
import KaderRPC
import KaderTesting
import Testing

/// The event stream over the real daemon: gap-free, resumable across disconnects and restarts.
@Suite struct EventStreamTests {
    private func registerBatch(_ connection: RPCConnection, count: Int, prefix: String) throws {
        let cadres = (0..<count).map { number in
            CadreFields(name: "\(prefix) \(number)", sex: "female", birthYear: 1990, field: "kesehatan", village: "51.03.01.1002")
        }
        _ = try connection.call("cadre.register", params: JSONValue(encoding: CadreRegisterParams(cadres: cadres)))
    }


    @Test func aSubscriberAwayFor1000EventsGetsAllOfThemInOrderOnce() async throws {
        let directory = TemporaryDirectory()
        let daemon = try await KaderdProcess(directory: directory)
        let lastSeen = try await onThread {
            let subscriber = try daemon.connect()
            let subscription = try subscriber.call("events.subscribe", as: EventsSubscription.self)
            #expect(subscription.since == subscription.head)
            try registerBatch(try daemon.connect(), count: 3, prefix: "Before")
            let events = try (0..<3).map { _ in try subscriber.nextEvent() }
            #expect(events.map(\.seq) == [1, 2, 3].map { subscription.head + $0 })
            #expect(events.allSatisfy { $0.entityKind == "cadre" && $0.action == "registered" })
            return events.last!.seq
        }
        // Away: a thousand changes, and a restart of the daemon. In batches of a hundred, each
        // call well within a test's wait beside the whole suite on either store.
        try await onThread {
            let connection = try daemon.connect()
            for batch in 0..<10 { try registerBatch(connection, count: 100, prefix: "Away \(batch)") }
        }
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit() == 0)
        let restarted = try await KaderdProcess(directory: directory)
        try await onThread {
            let subscriber = try restarted.connect()
            let subscription = try subscriber.call(
                "events.subscribe", params: ["since": .number(JSONNumber(Int(lastSeen)))], as: EventsSubscription.self)
            #expect(subscription.head == lastSeen + 1000)
            let caughtUp = try (0..<1000).map { _ in try subscriber.nextEvent() }
            #expect(caughtUp.map(\.seq) == Array((lastSeen + 1)...(lastSeen + 1000)))
            // Then it follows live, with nothing repeated.
            try registerBatch(try restarted.connect(), count: 1, prefix: "After")
            #expect(try subscriber.nextEvent().seq == lastSeen + 1001)
        }
    }

    @Test func refusesToStartAfterTheNewestEvent() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        try await onThread {
            do {
                _ = try daemon.connect().call("events.subscribe", params: ["since": 99])
                Issue.record("since beyond the head must be refused")
            } catch ClientError.remote(let error) {
                #expect(error.fields.map(\.field) == ["since"])
            }
        }
    }

    @Test func kaderctlWatchFollowsAndResumesFromItsCursorFile() async throws {
        let directory = TemporaryDirectory()
        let daemon = try await KaderdProcess(directory: directory)
        let cursor = directory.file("watch.cursor")
        try "0\n".write(toFile: cursor, atomically: true, encoding: .utf8)
        try await onThread { try registerBatch(try daemon.connect(), count: 3, prefix: "Watched") }
        let ctl = try Binaries.path("kaderctl")
        let first = try await run(ctl, ["--socket", daemon.socket, "watch", "--cursor-file", cursor, "--count", "2"])
        #expect(first.status == 0, "\(first.stderr)")
        let lines = first.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("#1 "))
        #expect(lines[0].contains(" cadre cdr_"))
        #expect(lines[0].hasSuffix("\"Watched 0\" registered village=51.03.01.1002 (\(String(cString: getpwuid(getuid())!.pointee.pw_name)))"), "\(lines[0])")
        #expect(try String(contentsOfFile: cursor, encoding: .utf8) == "2\n")
        let second = try await run(ctl, ["--socket", daemon.socket, "watch", "--cursor-file", cursor, "--count", "1", "--json"])
        let event = try JSONParser.parse(second.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(event["seq"] == 3)
    }
}
