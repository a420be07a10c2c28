import KaderRPC
import Logging

/// Routes JSON-RPC messages to methods and shapes the replies, per JSON-RPC 2.0.
///
/// Independent of the transport: it takes a line and returns the line to send back, or
/// nothing (notifications, all-notification batches). Batch elements run one after
/// another, in order, which the specification allows and which keeps replies predictable.
/// Every call, notifications included, passes the access policy before its method runs.
public struct RPCDispatcher: Sendable {
    private let methods: [String: RPCMethod]
    private let access: AccessControl

    /// - Parameters:
    ///   - methods: every method to serve; `rpc.discover` is added from their descriptors.
    ///   - access: who may call what; by default only root and this process's own user.
    public init(methods: [RPCMethod], access: AccessControl = .ownerOnly()) {
        self.access = access
        var table = Dictionary(methods.map { ($0.descriptor.name, $0) }, uniquingKeysWith: { _, last in last })
        let descriptors = Array(table.values.map(\.descriptor)) + [.rpcDiscover]
        let document = OpenRPCDocument.render(methods: descriptors)
        table[RPCMethodDescriptor.rpcDiscover.name] = RPCMethod(.rpcDiscover) { _ in document }
        self.methods = table
    }

    public var descriptors: [RPCMethodDescriptor] { methods.values.map(\.descriptor) }

    /// Serves one line; returns the reply line (without newline), or nil when none is due.
    public func handle(line: some Sequence<UInt8>, context: RPCContext) async -> [UInt8]? {
        guard let reply = await handle(RPCInbound(line: line), context: context) else { return nil }
        return JSONWriter.bytes(reply)
    }

    public func handle(_ inbound: RPCInbound, context: RPCContext) async -> JSONValue? {
        switch inbound {
        case .single(let element):
            return await respond(to: element, context: context)?.json
        case .batch(let elements):
            var replies: [JSONValue] = []
            for element in elements {
                if let response = await respond(to: element, context: context) { replies.append(response.json) }
            }
            return replies.isEmpty ? nil : .array(replies)
        }
    }

    private func respond(to element: Result<RPCRequest, RPCFailure>, context: RPCContext) async -> RPCResponse? {
        switch element {
        case .failure(let failure):
            return failure.response
        case .success(let request):
            let outcome = await call(request, context: context)
            guard let id = request.id else { return nil }
            switch outcome {
            case .success(let result): return RPCResponse(id: id, result: result)
            case .failure(let error): return RPCResponse(id: id, error: error)
            }
        }
    }

    private func call(_ request: RPCRequest, context: RPCContext) async -> Result<JSONValue, RPCError> {
        let method = methods[request.method]
        if let refusal = await access.check(
            method: request.method, access: method?.descriptor.access, context: context, silent: request.id == nil)
        {
            return .failure(refusal)
        }
        guard let method else {
            return .failure(.methodNotFound(request.method))
        }
        let names = method.descriptor.params.map(\.name)
        let params: JSONObject
        switch request.params {
        case .object(let object):
            params = object
        case .array(let elements):
            // By position: the n-th element is the n-th declared param.
            guard elements.count <= names.count else {
                return .failure(
                    .invalidParams("\(request.method) takes at most \(names.count) params, got \(elements.count)"))
            }
            params = JSONObject(uniqueKeysWithValues: zip(names, elements))
        default:
            params = [:]
        }
        let known = Set(names)
        let unknown = params.keys.filter { !known.contains($0) }
        if !unknown.isEmpty {
            return .failure(
                .invalidParams(
                    "\(request.method) has no such param",
                    fields: unknown.map { RPCFieldError(field: $0, message: "is not a param of \(request.method)") }))
        }
        do {
            return .success(try await method.handler(RPCCall(method: request.method, params: params, context: context)))
        } catch let error as RPCError {
            return .failure(error)
        } catch {
            context.logger.error(
                "method failed", metadata: ["method": .string(request.method), "error": .string("\(error)")])
            return .failure(.internalError("Internal error in \(request.method); the daemon's log has the details"))
        }
    }
}
