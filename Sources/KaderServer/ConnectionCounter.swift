import Synchronization

/// Numbers connections for the log, so the lines of one client can be told apart.
final class ConnectionCounter: Sendable {
    private let value = Atomic<UInt64>(0)

    func next() -> UInt64 {
        value.wrappingAdd(1, ordering: .relaxed).newValue
    }
}
