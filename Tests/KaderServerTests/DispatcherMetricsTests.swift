import KaderMetrics
import KaderRPC
import KaderServer
import KaderTesting
import Logging
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The dispatcher counts every call into the registry it is given, so that tests running
/// several servers in one process (where `MetricsSystem` can be bootstrapped only once)
/// each see their own counts.
@Suite struct DispatcherMetricsTests {
    let context = RPCContext(
        peer: PeerCredentials(pid: getpid(), uid: getuid(), gid: getgid()), logger: Logger(label: "test"))

    private func call(_ dispatcher: RPCDispatcher, _ line: String) async {
        _ = await dispatcher.handle(line: Array(line.utf8), context: context)
    }

    @Test func twoDispatchersInOneProcessCountApart() async throws {
        let first = MetricsRegistry()
        let second = MetricsRegistry()
        let a = RPCDispatcher(methods: SpecExamples.methods, metrics: first.factory)
        let b = RPCDispatcher(methods: SpecExamples.methods, metrics: second.factory)
        for _ in 0..<3 { await call(a, #"{"jsonrpc":"2.0","method":"subtract","params":[42,23],"id":1}"#) }
        await call(a, #"{"jsonrpc":"2.0","method":"subtract","params":["x",1],"id":2}"#)
        await call(b, #"{"jsonrpc":"2.0","method":"made.up.by.a.client","id":3}"#)
        await call(b, #"{"jsonrpc":"2.0","method""#)

        let fromA = first.exposition()
        #expect(fromA.contains(#"kaderd_rpc_requests_total{method="subtract",outcome="ok"} 3"#), "\(fromA)")
        #expect(fromA.contains(#"kaderd_rpc_requests_total{method="subtract",outcome="error"} 1"#))
        #expect(fromA.contains(#"kaderd_rpc_request_duration_seconds_count{method="subtract"} 4"#))
        #expect(fromA.contains("# HELP kaderd_rpc_requests_total "))
        #expect(!fromA.contains(#"method="unknown",outcome="error"} 1"#))

        let fromB = second.exposition()
        // A name no method has, and a line that is no call, are both `unknown`: a client
        // cannot grow the label's values.
        #expect(fromB.contains(#"kaderd_rpc_requests_total{method="unknown",outcome="error"} 2"#), "\(fromB)")
        #expect(!fromB.contains("made.up.by.a.client"))
        #expect(!fromB.contains(#"kaderd_rpc_requests_total{method="subtract",outcome="ok"} 3"#))
    }
}
