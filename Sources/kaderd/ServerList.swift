import KaderServer
import Synchronization

/// The RPC servers once made, so the status line can count their connections.
final class ServerList: Sendable {
    /// Each server's count, read without copying the server: `daemon.status` reads them
    /// on every call.
    private let counts = Mutex<[@Sendable () -> UInt64]>([])

    func set(_ list: [RPCServer]) {
        let counts = list.map { server in { @Sendable in server.connectionsServed } }
        self.counts.withLock { $0 = counts }
    }

    var connectionsServed: UInt64 {
        counts.withLock { $0.reduce(0) { $0 + $1() } }
    }
}
