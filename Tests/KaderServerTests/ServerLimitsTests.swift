import Foundation
import KaderClient
import KaderRPC
import KaderServer
import KaderTesting
import Testing

/// What one client may hold of the server, and that no client, silent, slow or greedy,
/// delays the others.
@Suite struct ServerLimitsTests {
    static let methods = SpecExamples.methods + [
        RPCMethod(RPCMethodDescriptor(name: "test.watch", summary: "A stream that stays quiet", access: .read, result: [:])) {
            call in
            try call.context.openStream { _ in
                while !Task.isCancelled { try await Task.sleep(for: .seconds(3600)) }
            }
            return .null
        },
        RPCMethod(RPCMethodDescriptor(name: "test.slow", summary: "Answers after a while", access: .read, result: [:])) {
            _ in
            try await Task.sleep(for: .seconds(4))
            return "done"
        },
    ]

    static let ping = Array(#"{"jsonrpc":"2.0","method":"subtract","params":[2,1],"id":1}"#.utf8)

    private func error(_ line: [UInt8]?) throws -> RPCError {
        let bytes = try #require(line)
        let reply = try JSONParser.parse(bytes)
        let json = try #require(reply["error"])
        return try #require(RPCError(json: json))
    }

    @Test func aConnectionBeyondTheLimitIsToldWhyAndClosed() async throws {
        var limits = ServerLimits()
        limits.maxConnections = 2
        try await InProcessServer.with(methods: Self.methods, limits: limits) { server in
            try await onThread {
                let first = try server.connect()
                let second = try server.connect()
                for connection in [first, second] {
                    #expect(try connection.call("subtract", params: [2, 1]) == 1)
                }
                let third = try server.connect()
                let refusal = try error(try third.readLine())
                #expect(refusal.kind == .unavailable)
                #expect(refusal.message.contains("2 connections"))
                #expect(try third.readLine() == nil)
                // The two served are unaffected.
                #expect(try second.call("subtract", params: [5, 1]) == 4)
            }
        }
    }

    @Test func anIdleConnectionIsClosedButNotASubscriberOrASlowRequest() async throws {
        var limits = ServerLimits()
        // Long enough that a loaded machine still reads the waiting request within it.
        limits.idleTimeout = .milliseconds(1500)
        try await InProcessServer.with(methods: Self.methods, limits: limits) { server in
            try await onThread {
                let subscriber = try server.connect()
                #expect(try subscriber.call("test.watch") == .null)
                let waiting = try server.connect()
                let idle = try server.connect()
                try waiting.send(line: Array(#"{"jsonrpc":"2.0","method":"test.slow","id":7}"#.utf8))
                // The silent one is let go after the timeout...
                let start = ContinuousClock.now
                #expect(try idle.readLine() == nil)
                #expect(ContinuousClock.now - start >= .milliseconds(1400))
                // ...the one waiting on a slow answer gets it, and the subscriber stays connected.
                #expect(try JSONParser.parse(try #require(try waiting.readLine()))["result"] == "done")
                #expect(try subscriber.call("subtract", params: [3, 1]) == 2)
            }
        }
    }

    @Test func subscribersBeyondTheLimitAreRefusedUntilOneLeaves() async throws {
        var limits = ServerLimits()
        limits.maxSubscribers = 1
        try await InProcessServer.with(methods: Self.methods, limits: limits) { server in
            try await onThread {
                let first = try server.connect()
                #expect(try first.call("test.watch") == .null)
                let second = try server.connect()
                do {
                    _ = try second.call("test.watch")
                    Issue.record("a second stream was opened beyond the limit of 1")
                } catch {
                    guard case .remote(let refusal) = error as? ClientError else { throw error }
                    #expect(refusal.kind == .unavailable)
                }
                // The place comes back once the first subscriber goes.
                first.finishSending()
                #expect(try first.readLine() == nil)
                let deadline = ContinuousClock.now + .seconds(5)
                var opened = false
                while !opened && ContinuousClock.now < deadline {
                    opened = (try? second.call("test.watch")) == .null
                }
                #expect(opened)
            }
        }
    }

    @Test func nestingDeeperThanTheLimitIsAParseError() async throws {
        var limits = ServerLimits()
        limits.maxNestingDepth = 4
        try await InProcessServer.with(methods: Self.methods, limits: limits) { server in
            try await onThread {
                let connection = try server.connect()
                try connection.send(line: Array(#"{"jsonrpc":"2.0","method":"sum","params":[[[[1]]]],"id":1}"#.utf8))
                #expect(try error(try connection.readLine()).kind == .parseError)
                #expect(try connection.call("subtract", params: [2, 1]) == 1)
            }
        }
    }

    /// The acceptance case: a thousand idle connections and one client trickling a byte a
    /// second do not slow anyone else down.
    @Test func idleAndTricklingClientsDoNotDelayOthers() async throws {
        try await InProcessServer.with(methods: Self.methods) { server in
            try await onThread {
                let idle = try (0..<1000).map { _ in try server.connect() }
                let trickler = try server.connect()
                let line = Self.ping
                // Each call is answered while the trickler's line is still incomplete: a server
                // that waited for it would never answer.
                for byte in line.prefix(5) {
                    try trickler.sendRaw([byte])
                    let other = try server.connect()
                    #expect(try other.call("subtract", params: [2, 1]) == 1)
                }
                try trickler.send(line: Array(line.dropFirst(5)))
                #expect(try JSONParser.parse(try #require(try trickler.readLine()))["result"] == 1)
                #expect(idle.count == 1000)
            }
        }
    }
}
