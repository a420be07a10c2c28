import Foundation
import KaderClient
import KaderRPC
import KaderTesting
import Testing

/// A restart of kaderd fails no call: a call sent again with its idempotency key is answered
/// as the first time, a subscriber is told where to resume, and kaderctl sends again a call
/// whose connection kaderd closed unanswered.
@Suite struct RestartTests {
    private static let ayu = CadreRegisterParams(
        single: CadreFields(name: "Ni Luh Ayu", sex: "female", birthYear: 1994, field: "kesehatan", village: "51.03.01.1002"))

    private static func keyed(_ params: CadreRegisterParams, _ key: String) throws -> JSONValue {
        var object = try JSONValue(encoding: params).objectValue!
        object["idempotency_key"] = .string(key)
        return .object(object)
    }

    private static func cadreCount(_ connection: RPCConnection) throws -> Int {
        try connection.call("cadre.list")["cadres"]?.arrayValue?.count ?? -1
    }

    @Test func aCallSentAgainWithItsKeyIsAnsweredAsTheFirstTimeAcrossARestart() async throws {
        let directory = TemporaryDirectory()
        let daemon = try await KaderdProcess(directory: directory)
        let params = try Self.keyed(Self.ayu, "script-step-1")
        let first = try await onThread {
            let connection = try daemon.connect()
            let first = try connection.call("cadre.register", params: params)
            #expect(try connection.call("cadre.register", params: params) == first, "answered from the ledger")
            #expect(try Self.cadreCount(connection) == 1, "registered once")
            return first
        }
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit() == 0)
        let restarted = try await KaderdProcess(directory: directory)
        try await onThread {
            let connection = try restarted.connect()
            #expect(try connection.call("cadre.register", params: params) == first, "the reply was kept in the store")
            #expect(try Self.cadreCount(connection) == 1)
        }
        restarted.signal(SIGTERM)
        #expect(try await restarted.waitForExit() == 0)
    }

    @Test func aKeyIsRefusedForAnotherCallOrWhenMalformedAndTakenByReads() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        try await onThread {
            let connection = try daemon.connect()
            _ = try connection.call("cadre.register", params: try Self.keyed(Self.ayu, "k1"))
            var other = Self.ayu
            other.single?.name = "Made Wirawan"
            for (params, wrong) in [
                (try Self.keyed(other, "k1"), "was sent with cadre.register and other params"),
                (try Self.keyed(other, "no spaces allowed"), "must be a string of 1 to 128"),
                (try Self.keyed(other, String(repeating: "k", count: 129)), "must be a string of 1 to 128"),
            ] {
                do {
                    _ = try connection.call("cadre.register", params: params)
                    Issue.record("\(params) must be refused")
                } catch ClientError.remote(let error) {
                    #expect(error.kind == .invalidParams)
                    #expect(error.fields.map(\.field) == ["idempotency_key"])
                    #expect(error.fields.first?.message.contains(wrong) == true, "\(error.fields)")
                }
            }
            #expect(try Self.cadreCount(connection) == 1, "nothing changed")
            // A read is the same when sent again: its key is taken and not kept.
            let status = try connection.call("daemon.status", params: ["idempotency_key": "read-1"])
            #expect(status["pid"] == .number(JSONNumber(Int(daemon.pid))))
        }
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit() == 0)
    }

    @Test func aSubscriberIsToldWhereToResumeWhenKaderdStops() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        let (end, closed) = try await onThread { () throws -> (JSONValue?, Bool) in
            let subscriber = try daemon.connect()
            _ = try subscriber.call("events.subscribe", params: ["since": 0])
            _ = try daemon.connect().call("cadre.register", params: try JSONValue(encoding: Self.ayu))
            #expect(try subscriber.nextEvent().seq == 1)
            daemon.signal(SIGTERM)
            while let line = try subscriber.readLine() {
                let json = try JSONParser.parse(line)
                if json["method"] == "events.end" { return (json["params"], try subscriber.readLine() == nil) }
            }
            return (nil, true)
        }
        #expect(end?["resume_after"] == 1, "\(String(describing: end))")
        #expect(closed, "then the connection closes")
        #expect(try await daemon.waitForExit() == 0)
    }

    /// The test plays a kaderd that stops: it takes the connection and closes it unanswered.
    /// kaderctl connects again (nobody listens for a moment, then a real kaderd does) and
    /// sends the same call with the same key; the cadre is registered once.
    @Test func kaderctlSendsAgainACallKaderdClosedUnanswered() async throws {
        let directory = TemporaryDirectory()
        let socket = directory.file("kaderd.sock")
        let listener = try ListeningSocket(path: socket)
        let ctl = try Binaries.path("kaderctl")
        async let registered = run(
            // Long enough to wait out the start of the kaderd below, on PostgreSQL beside the suite.
            ctl, ["--socket", socket, "--timeout", "120", "--json", "cadre", "register", "--name", "Ni Luh Ayu", "--sex", "P",
                  "--birth-year", "1994", "--field", "kesehatan", "--village", "51.03.01.1002"])
        let request = try await onThread { try listener.acceptReadLineAndClose() }
        let sent = try JSONParser.parse(request)
        #expect(sent["method"] == "cadre.register")
        let key = try #require(sent["params"]?["idempotency_key"]?.stringValue, "kaderctl keys its calls: \(request)")
        listener.close()
        let daemon = try await KaderdProcess(directory: directory)
        let result = try await registered
        #expect(result.status == 0, "\(result.stderr)")
        try await onThread {
            let connection = try daemon.connect()
            let cadres = try connection.call("cadre.list")["cadres"]?.arrayValue ?? []
            #expect(cadres.count == 1)
            let id = try #require(cadres.first?["id"]?.stringValue)
            // Sent once more under kaderctl's key: answered with the same cadre, none added.
            let again = try connection.call("cadre.register", params: sent["params"])
            #expect(JSONWriter.string(again).contains(id), "\(again)")
            #expect(result.stdout.contains(id), "kaderctl printed the cadre kaderd registered: \(result.stdout)")
            #expect(try Self.cadreCount(connection) == 1, "key \(key) registered once")
        }
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit() == 0)
    }
}

/// A listening Unix socket the test holds, as systemd holds kaderd's.
private final class ListeningSocket: Sendable {
    private let descriptor: Int32
    let path: String

    init(path: String) throws {
        self.path = path
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: path.utf8) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    }

    /// Takes one connection, reads its first line, and closes it without a word.
    func acceptReadLineAndClose() throws -> String {
        let connection = accept(descriptor, nil, nil)
        guard connection >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        defer { Glibc.close(connection) }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while read(connection, &byte, 1) == 1, byte != UInt8(ascii: "\n") { line.append(byte) }
        return String(decoding: line, as: UTF8.self)
    }

    /// Stops listening and removes the file, as a kaderd that bound it itself does.
    func close() {
        Glibc.close(descriptor)
        unlink(path)
    }
}
