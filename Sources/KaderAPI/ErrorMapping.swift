import KaderCore
import KaderEngine
import KaderRPC
import KaderStore

/// How the engine's and store's refusals reach the client: one stable kind each. The
/// dispatcher asks this of every error a method throws, so no handler translates its own.
public enum ErrorMapping {
    /// The RPC error a domain error is; nil for an error that is not one (a bug: internal).
    @Sendable public static func rpcError(for error: any Error) -> RPCError? {
        switch error {
        case let error as EngineError:
            rpcError(error)
        case let error as InvalidCursor:
            RPCError.invalidParams("the cursor is not valid", fields: [RPCFieldError(field: "cursor", message: error.description)])
        case StoreError.changedMeanwhile:
            // The client's request was fine; the state it acted on moved under it.
            RPCError(.conflict, "\(error)".prefix(1).uppercased() + "\(error)".dropFirst())
        case let error as StoreError:
            RPCError(.unavailable, "The store cannot serve this request: \(error)")
        default:
            nil
        }
    }

    static func rpcError(_ error: EngineError) -> RPCError {
        switch error {
        case .notFound(let what, let id):
            RPCError(.notFound, "No \(what) \(id)", extra: ["id": .string(id)])
        case .conflict(let message):
            RPCError(.conflict, message.prefix(1).uppercased() + message.dropFirst())
        case .invalid(let validation):
            RPCError(
                .invalid, validation.summary.prefix(1).uppercased() + validation.summary.dropFirst(),
                fields: validation.problems.map { RPCFieldError(field: $0.field, message: $0.message) })
        case .duplicate(let validation):
            RPCError(
                .duplicate, validation.summary.prefix(1).uppercased() + validation.summary.dropFirst(),
                fields: validation.problems.map { RPCFieldError(field: $0.field, message: $0.message) })
        case .plugin(let failure):
            RPCError(
                .pluginFailed, "Plugin \(failure.plugin) failed; nothing was changed: \(failure.reason)",
                extra: ["plugin": .string(failure.plugin), "hook": .string(failure.hook)])
        }
    }
}
