import KaderCore
import KaderEngine
import KaderRPC
import KaderStore

/// How the engine's and store's refusals reach the client: one stable kind each.
enum ErrorMapping {
    /// Runs a handler body, translating domain errors into RPC errors.
    static func translating<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as EngineError {
            throw rpcError(error)
        } catch let error as InvalidCursor {
            throw RPCError.invalidParams("the cursor is not valid", fields: [RPCFieldError(field: "cursor", message: error.description)])
        } catch let error as StoreError {
            throw RPCError(.unavailable, "The store cannot serve this request: \(error)")
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
