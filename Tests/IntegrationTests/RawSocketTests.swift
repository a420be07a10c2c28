import Foundation
import KaderClient
import KaderRPC
import KaderTesting
import Testing

/// Bytes written straight to the real daemon's socket, as a script or `socat` would.
@Suite struct RawSocketTests {
    @Test(arguments: SpecExamples.all.filter { !$0.usesTestMethods })
    func answersLikeTheSpecification(example: SpecExamples.Example) async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        try await onThread {
            let connection = try daemon.connect()
            try connection.send(line: Array(example.request.utf8))
            try connection.send(line: Array(#"{"jsonrpc":"2.0","method":"daemon.status","id":"marker"}"#.utf8))
            var line = try #require(try connection.readLine())
            if let expected = example.reply {
                #expect(try JSONParser.parse(line).specShape == JSONParser.parse(expected).specShape)
                line = try #require(try connection.readLine())
            }
            #expect(try JSONParser.parse(line)["id"] == "marker")
        }
    }

    @Test func servesPipelinedBatchesAndManyClients() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        try await onThread {
            let connections = try (0..<100).map { _ in try daemon.connect() }
            for (index, connection) in connections.enumerated() {
                var burst: [UInt8] = []
                for request in 0..<5 {
                    burst += Array(#"{"jsonrpc":"2.0","method":"daemon.status","id":"\#(index)-\#(request)"}"#.utf8)
                    burst.append(RPCFraming.newline)
                }
                try connection.sendRaw(burst)
            }
            for (index, connection) in connections.enumerated() {
                for request in 0..<5 {
                    let reply = try JSONParser.parse(try #require(try connection.readLine()))
                    #expect(reply["id"] == .string("\(index)-\(request)"))
                }
            }
        }
    }

    @Test func closesOnAnOverlongLineAndGoesOn() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        try await onThread {
            let connection = try daemon.connect()
            try connection.sendRaw(Array(repeating: UInt8(ascii: "x"), count: RPCFraming.maxLineBytes + 10))
            let reply = try JSONParser.parse(try #require(try connection.readLine()))
            #expect(reply["error"]?["data"]?["kind"] == "too_large")
            #expect(try connection.readLine() == nil)
            let status = try daemon.connect().call("daemon.status")
            #expect(status["pid"] == .number(JSONNumber(Int(daemon.pid))))
        }
    }
}

extension SpecExamples.Example {
    /// Whether the example needs the specification's own methods (subtract, sum, …) to
    /// succeed; the daemon serves only its own, so those examples run in-process instead.
    var usesTestMethods: Bool {
        guard let reply else { return false }
        return reply.contains("\"result\"")
    }
}
