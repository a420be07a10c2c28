import Foundation
import KaderClient
import KaderRPC
import KaderServer
import KaderTesting
import Testing

@Suite struct RPCServerTests {
    static let methods = SpecExamples.methods + [
        RPCMethod(RPCMethodDescriptor(name: "test.whoami", summary: "The caller", access: .read, result: [:])) { call in
            guard let peer = call.context.peer else { return .null }
            return ["uid": .number(JSONNumber(Int(peer.uid))), "pid": .number(JSONNumber(Int(peer.pid)))]
        },
        RPCMethod(echoing("test.later", "Echoes after a pause")) {
            call in
            try await Task.sleep(for: .milliseconds(2))
            return call.params["n"] ?? .null
        },
        RPCMethod.immediate(echoing("test.now", "Echoes at once")) {
            call in call.params["n"] ?? .null
        },
    ]

    static func echoing(_ name: String, _ summary: String) -> RPCMethodDescriptor {
        RPCMethodDescriptor(
            name: name, summary: summary, access: .read,
            params: [RPCParamDescriptor(name: "n", summary: "what to echo", required: true, schema: ["type": "integer"])],
            result: [:])
    }

    @Test(arguments: SpecExamples.all)
    func behavesAsTheSpecificationSaysOverTheSocket(example: SpecExamples.Example) async throws {
        try await InProcessServer.with(methods: Self.methods) { server in
            try await onThread {
                let connection = try server.connect()
                try connection.send(line: Array(example.request.utf8))
                // A request after it proves what came back for the example, and that nothing did.
                try connection.send(line: Array(#"{"jsonrpc":"2.0","method":"get_data","id":"marker"}"#.utf8))
                var line = try #require(try connection.readLine())
                if let expected = example.reply {
                    #expect(try JSONParser.parse(line).specShape == JSONParser.parse(expected).specShape)
                    line = try #require(try connection.readLine())
                }
                #expect(try JSONParser.parse(line)["id"] == "marker", "no reply may come for \(example.name)")
            }
        }
    }

    @Test func answersFiftyPipelinedRequestsInOrder() async throws {
        try await InProcessServer.with(methods: Self.methods) { server in
            try await onThread {
                let connection = try server.connect()
                var burst: [UInt8] = []
                for id in 1...50 {
                    burst += Array(#"{"jsonrpc":"2.0","method":"subtract","params":[\#(id),1],"id":\#(id)}"#.utf8)
                    burst.append(RPCFraming.newline)
                }
                try connection.sendRaw(burst)
                for id in 1...50 {
                    let reply = try JSONParser.parse(try #require(try connection.readLine()))
                    #expect(reply["id"] == .number(JSONNumber(id)))
                    #expect(reply["result"] == .number(JSONNumber(id - 1)))
                }
            }
        }
    }

    /// Immediate methods are answered on the event loop, others by the connection's task:
    /// the replies still come in the order the requests were sent.
    @Test func answersImmediateAndWaitingMethodsInTheOrderSent() async throws {
        try await InProcessServer.with(methods: Self.methods) { server in
            try await onThread {
                let connection = try server.connect()
                var burst: [UInt8] = []
                for id in 1...60 {
                    let method = [1, 2, 4].contains(id % 5) ? "test.now" : "test.later"
                    burst += Array(#"{"jsonrpc":"2.0","method":"\#(method)","params":{"n":\#(id)},"id":\#(id)}"#.utf8)
                    burst.append(RPCFraming.newline)
                    // A notification to an immediate method and an unknown method between them.
                    burst += Array(#"{"jsonrpc":"2.0","method":"test.now","params":{"n":0}}"#.utf8) + [RPCFraming.newline]
                    if id % 10 == 0 {
                        burst += Array(#"{"jsonrpc":"2.0","method":"no.such","id":"x\#(id)"}"#.utf8) + [RPCFraming.newline]
                    }
                }
                try connection.sendRaw(burst)
                for id in 1...60 {
                    let reply = try JSONParser.parse(try #require(try connection.readLine()))
                    #expect(reply["id"] == .number(JSONNumber(id)))
                    #expect(reply["result"] == .number(JSONNumber(id)))
                    if id % 10 == 0 {
                        let unknown = try JSONParser.parse(try #require(try connection.readLine()))
                        #expect(unknown["id"] == .string("x\(id)"))
                        #expect(unknown["error"]?["code"] == -32601)
                    }
                }
            }
        }
    }

    @Test func servesAHundredClientsConnectedAtOnce() async throws {
        try await InProcessServer.with(methods: Self.methods) { server in
            try await onThread {
                let connections = try (0..<100).map { _ in try server.connect() }
                for (index, connection) in connections.enumerated() {
                    try connection.send(line: Array(#"{"jsonrpc":"2.0","method":"subtract","params":[\#(index),0],"id":\#(index)}"#.utf8))
                }
                for (index, connection) in connections.enumerated().reversed() {
                    let reply = try JSONParser.parse(try #require(try connection.readLine()))
                    #expect(reply["result"] == .number(JSONNumber(index)))
                }
            }
        }
    }

    @Test func refusesAnOverlongLineAndClosesOnlyThatConnection() async throws {
        let limit = 4096
        var limits = ServerLimits()
        limits.maxLineBytes = limit
        try await InProcessServer.with(methods: Self.methods, limits: limits) { server in
            try await onThread {
                let other = try server.connect()
                let connection = try server.connect()
                try connection.sendRaw(Array(repeating: UInt8(ascii: " "), count: limit + 1))
                let reply = try JSONParser.parse(try #require(try connection.readLine()))
                #expect(reply["id"] == .null)
                #expect(reply["error"]?["data"]?["kind"] == "too_large")
                #expect(reply["error"]?["code"] == -32006)
                #expect(try connection.readLine() == nil, "the connection is closed after the error")

                // A line of exactly the limit is fine, and so is every other client.
                let padded = #"{"jsonrpc":"2.0","method":"get_data","id":1}"#
                let atLimit = padded + String(repeating: " ", count: limit - padded.utf8.count)
                try other.send(line: Array(atLimit.utf8))
                #expect(try JSONParser.parse(try #require(try other.readLine()))["result"] == ["hello", 5])
            }
        }
    }

    @Test func defaultLimitIsOneMebibyte() async throws {
        try await InProcessServer.with(methods: Self.methods) { server in
            try await onThread {
                let connection = try server.connect()
                try connection.sendRaw(Array(repeating: UInt8(ascii: "["), count: RPCFraming.maxLineBytes + 1))
                let reply = try JSONParser.parse(try #require(try connection.readLine()))
                #expect(reply["error"]?["data"]?["limit"] == .number(JSONNumber(1_048_576)))
            }
        }
    }

    /// Whether the last line is answered by the connection's task or on the event loop.
    @Test(arguments: [#"{"jsonrpc":"2.0","method":"get_data","id":"last"}"#, #"{"jsonrpc":"2.0","method":"test.now","params":[1],"id":"last"}"#])
    func answersALastLineWithoutNewlineAfterHalfClose(line: String) async throws {
        try await InProcessServer.with(methods: Self.methods) { server in
            try await onThread {
                let connection = try server.connect()
                try connection.sendRaw(Array(line.utf8))
                connection.finishSending()
                #expect(try JSONParser.parse(try #require(try connection.readLine()))["id"] == "last")
                #expect(try connection.readLine() == nil)
            }
        }
    }

    @Test func knowsWhoIsCalling() async throws {
        try await InProcessServer.with(methods: Self.methods) { server in
            let whoami = try await onThread { try server.connect().call("test.whoami") }
            #expect(whoami["uid"] == .number(JSONNumber(Int(getuid()))))
            #expect(whoami["pid"] == .number(JSONNumber(Int(getpid()))))
        }
    }

    /// The bound is on what clients see, timed from the shutdown's start to the last one
    /// let go, on the event loops that close them; not on how soon this process's shared
    /// task pool gets round to finishing the service group, which a busy machine delays.
    @Test func shutsDownPromptlyWithIdleClientsAndRemovesTheSocket() async throws {
        var socket = ""
        try await InProcessServer.with(methods: Self.methods) { server in
            socket = server.socket
            let idle = try await onThread {
                let connections = try (0..<10).map { _ in try server.connect(timeout: 5) }
                // Served once and now idle…
                for connection in connections.dropFirst(2) { _ = try connection.call("get_data") }
                // …except one that has sent half a line and stopped, and one never served.
                try connections[0].sendRaw(Array(#"{"jsonrpc":"2.0","#.utf8))
                return SendableBox(connections)
            }
            let shutdownStarted = ContinuousClock.now
            await server.triggerGracefulShutdown()
            let elapsed = try await onThread {
                for connection in idle.value {
                    // Each client sees the end of the connection (perhaps after an error reply for
                    // its half line), never a wait for an answer that cannot come.
                    do {
                        while try connection.readLine() != nil {}
                    } catch ClientError.closed {
                    } catch {
                        Issue.record("a client was left waiting: \(error)")
                    }
                }
                return ContinuousClock.now - shutdownStarted
            }
            // Promptly: well before any timeout would (idle: 300 s). A client left waiting fails
            // its 5 s read above; beside the whole suite's load the event loops may wait their
            // turn a few seconds, so the bound on all ten is that of one read.
            #expect(elapsed < .seconds(5), "the last idle client was let go after \(elapsed)")
        }
        #expect(!FileManager.default.fileExists(atPath: socket))
    }

    @Test func finishesARequestInFlightBeforeStopping() async throws {
        let gate = Gate()
        let slow = RPCMethod(RPCMethodDescriptor(name: "test.slow", summary: "Waits", access: .read, result: [:])) { _ in
            await gate.arrive()
            await gate.waitForRelease()
            return "finished"
        }
        try await InProcessServer.with(methods: [slow]) { server in
            let connection = try await onThread {
                let connection = try server.connect()
                try connection.send(line: Array(#"{"jsonrpc":"2.0","method":"test.slow","id":1}"#.utf8))
                return SendableBox(connection)
            }
            await gate.waitForArrival()
            await server.triggerGracefulShutdown()
            await gate.release()
            try await onThread {
                let reply = try JSONParser.parse(try #require(try connection.value.readLine()))
                #expect(reply["result"] == "finished")
                #expect(try connection.value.readLine() == nil, "then the connection is closed")
            }
        }
    }
}

/// Lets a test hold a method handler at a known point.
actor Gate {
    private var arrived = false
    private var released = false
    private var arrivalWaiters: [CheckedContinuation<Void, Never>] = []
    private var releaseWaiters: [CheckedContinuation<Void, Never>] = []

    func arrive() {
        arrived = true
        arrivalWaiters.forEach { $0.resume() }
        arrivalWaiters = []
    }

    func waitForArrival() async {
        if arrived { return }
        await withCheckedContinuation { arrivalWaiters.append($0) }
    }

    func release() {
        released = true
        releaseWaiters.forEach { $0.resume() }
        releaseWaiters = []
    }

    func waitForRelease() async {
        if released { return }
        await withCheckedContinuation { releaseWaiters.append($0) }
    }
}

/// Carries a connection from one test thread to the next; the test uses it from one
/// thread at a time, in sequence, which is what makes the unchecked conformance safe.
struct SendableBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
