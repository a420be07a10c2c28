import KaderFuzzing
import KaderRPC
import KaderServer
import KaderTesting
import Logging
import Testing

/// The socket-less path the fuzzer drives answers as a connection does.
@Suite struct OfflineConnectionTests {
    @Test func answersEachLineInOrderIncludingALastOneWithoutNewline() async throws {
        let bytes = Array(
            "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[3,1],\"id\":1}\r\n\n  \n{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[5,1],\"id\":2}"
                .utf8)
        let replies = try await OfflineConnection.replies(
            to: bytes, dispatcher: RPCDispatcher(methods: SpecExamples.methods), limits: ServerLimits(),
            context: RPCContext(peer: PeerCredentials(pid: 1, uid: 0, gid: 0), logger: Logger(label: "test")))
        let parsed = try replies.map { try JSONParser.parse($0) }
        #expect(parsed.map { $0["result"] } == [2, 4])
        #expect(parsed.map { $0["id"] } == [1, 2])
    }
}
