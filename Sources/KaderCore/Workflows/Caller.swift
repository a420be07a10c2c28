/// Who made a change, for the history: a peer on the socket (its uid, as the kernel vouches)
/// or the daemon itself (the scheduler, a catch-up).
public struct Caller: Sendable, Hashable, CustomStringConvertible {
    public var uid: UInt32?
    /// `client` for socket peers, or the daemon part that acted (`scheduler`).
    public var agent: String

    public init(uid: UInt32?, agent: String = "client") {
        self.uid = uid
        self.agent = agent
    }

    public static let scheduler = Caller(uid: nil, agent: "scheduler")

    public var description: String { uid.map { "\(agent) uid \($0)" } ?? agent }
}
