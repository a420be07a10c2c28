import KaderServer
import Synchronization

/// The RPC servers once made, so the status line can count their connections.
final class ServerList: Sendable {
    private let servers = Mutex<[RPCServer]>([])

    func set(_ list: [RPCServer]) {
        servers.withLock { $0 = list }
    }

    var connectionsServed: UInt64 {
        servers.withLock { $0.reduce(0) { $0 + $1.connectionsServed } }
    }
}
