import KaderRPC
import KaderServer
import Logging

/// One fuzz input: bytes arriving on a connection, served by a caller who may only read and
/// by one who may do anything, through the real framing, parser, access check and dispatch.
///
/// A crash anywhere is a finding; so is a reply that breaks JSON-RPC 2.0, which `problems`
/// reports so the fuzzer can stop on it.
public enum FuzzHarness {
    /// Small, so that inputs the fuzzer can reach also cross the line and depth limits.
    static let limits: ServerLimits = {
        var limits = ServerLimits()
        limits.maxLineBytes = 4096
        limits.maxNestingDepth = 16
        return limits
    }()

    static let policy = AccessPolicy(
        admin: .init(name: "admin", gid: 900), read: .init(name: "read", gid: 901), ownerUID: 500)

    static let dispatcher = RPCDispatcher(methods: FuzzMethods.all, access: AccessControl(policy: policy))

    static let callers = [
        PeerCredentials(pid: 1, uid: 1001, gid: 901),
        PeerCredentials(pid: 1, uid: 1002, gid: 900),
    ]

    /// What is wrong with the replies to `bytes`; empty when nothing is.
    public static func problems(_ bytes: [UInt8]) async -> [String] {
        var logger = Logger(label: "fuzz")
        logger.logLevel = .critical
        var problems: [String] = []
        for caller in callers {
            let context = RPCContext(peer: caller, logger: logger)
            do {
                let replies = try await OfflineConnection.replies(
                    to: bytes, dispatcher: dispatcher, limits: limits, context: context)
                for reply in replies { problems += ReplyCheck.problems(reply) }
            } catch {
                problems.append("the connection failed: \(error)")
            }
        }
        return problems
    }
}
