import CoreMetrics
import KaderMetrics
import KaderRPC
import Logging

/// Routes JSON-RPC messages to methods and shapes the replies, per JSON-RPC 2.0.
///
/// Independent of the transport: it takes a line and returns the line to send back, or
/// nothing (notifications, all-notification batches). Batch elements run one after
/// another, in order, which the specification allows and which keeps replies predictable.
/// Every call, notifications included, passes the access policy before its method runs,
/// and is counted (`kaderd_rpc_requests_total`, `kaderd_rpc_request_duration_seconds`).
/// Every method takes an `idempotency_key`, which the ledger keeps for those that write.
public struct RPCDispatcher: Sendable {
    private let routes: [String: Route]
    /// Where calls to a name not served, and lines that are no call, are counted.
    private let unknown: MethodInstruments
    private let access: AccessControl
    private let ledger: (any RPCCallLedger)?
    private let translate: @Sendable (any Error) -> RPCError?

    /// - Parameters:
    ///   - methods: every method to serve; `rpc.discover` is added from their descriptors.
    ///   - access: who may call what; by default only root and this process's own user.
    ///   - translatingErrors: the RPC error each of the application's own errors is, asked
    ///     once here for every method; an error it leaves nil is a bug, reported as internal.
    ///   - metrics: where calls are counted; the process's bootstrapped factory by default
    ///     (a no-op until the daemon bootstraps one).
    ///   - ledger: where calls made with an idempotency key are remembered; without one the
    ///     key is accepted and has no effect.
    public init(
        methods: [RPCMethod], access: AccessControl = .ownerOnly(),
        translatingErrors translate: @escaping @Sendable (any Error) -> RPCError? = { _ in nil },
        metrics: any MetricsFactory = MetricsSystem.factory,
        ledger: (any RPCCallLedger)? = nil
    ) {
        self.access = access
        self.ledger = ledger
        self.translate = translate
        var table = Dictionary(methods.map { ($0.descriptor.name, $0) }, uniquingKeysWith: { _, last in last })
        let descriptors = Array(table.values.map(\.descriptor)) + [.rpcDiscover]
        let document = OpenRPCDocument.render(methods: descriptors)
        let discovery = EncodedJSON(document)
        table[RPCMethodDescriptor.rpcDiscover.name] = RPCMethod.immediate(.rpcDiscover, encoded: { _ in discovery })
        self.routes = table.mapValues { Route(method: $0, instruments: MethodInstruments(method: $0.descriptor.name, factory: metrics)) }
        self.unknown = MethodInstruments(method: MethodInstruments.unknownMethod, factory: metrics)
    }

    /// A method served and its instruments, made once so that a call finds both in one
    /// lookup and records without asking the factory (which locks and allocates). The
    /// `method` label thus only ever holds a served name.
    private struct Route: Sendable {
        let method: RPCMethod
        let instruments: MethodInstruments
    }

    public var descriptors: [RPCMethodDescriptor] { routes.values.map(\.method.descriptor) }

    /// Serves one line; returns the reply line (without newline), or nil when none is due.
    public func handle(line: some Sequence<UInt8>, context: RPCContext) async -> [UInt8]? {
        await handle(RPCInbound(line: line), context: context)
    }

    /// The reply line (without newline) to what a line held, or nil when none is due.
    public func handle(_ inbound: RPCInbound, context: RPCContext) async -> [UInt8]? {
        switch inbound {
        case .single(let element):
            return await respond(to: element, context: context)
        case .batch(let elements):
            // The bytes `JSONWriter` writes for the array of the replies.
            var replies: [UInt8] = []
            for element in elements {
                guard let reply = await respond(to: element, context: context) else { continue }
                replies.append(replies.isEmpty ? UInt8(ascii: "[") : UInt8(ascii: ","))
                replies += reply
            }
            if replies.isEmpty { return nil }
            replies.append(UInt8(ascii: "]"))
            return replies
        }
    }

    private func respond(to element: Result<RPCRequest, RPCFailure>, context: RPCContext) async -> [UInt8]? {
        switch element {
        case .failure(let failure):
            unknown.recordFailure()
            return JSONWriter.bytes(failure.response.json)
        case .success(let request):
            let start = MetricsInstant.now
            let route = routes[request.method]
            let outcome = await call(request, route: route, context: context)
            (route?.instruments ?? unknown).record(succeeded: outcome.succeeded, since: start)
            guard let id = request.id else { return nil }
            return Self.reply(id: id, outcome)
        }
    }

    /// Answers a line at once when that needs no waiting: a single request (or notification)
    /// for an immediate method, or one that fails before reaching any method. Returns nil when
    /// the line must be served by `handle` instead, as batches, other methods and refusals
    /// (whose recording writes to the store) are.
    public func answerImmediately(_ inbound: RPCInbound, context: RPCContext) -> ImmediateAnswer? {
        guard case .single(let element) = inbound else { return nil }
        switch element {
        case .failure(let failure):
            unknown.recordFailure()
            return ImmediateAnswer(reply: JSONWriter.bytes(failure.response.json))
        case .success(let request):
            let start = MetricsInstant.now
            let route = routes[request.method]
            let result: Result<EncodedJSON, RPCError>
            switch prepare(request, route: route, context: context) {
            case .refused:
                // Recording the refusal writes to the store: `handle` does that.
                return nil
            case .failed(let error):
                result = .failure(error)
            case .ready(let method, let call):
                guard let immediate = method.immediate else { return nil }
                result = run(call) { try immediate(call) }
            }
            (route?.instruments ?? unknown).record(succeeded: result.succeeded, since: start)
            guard let id = request.id else { return ImmediateAnswer(reply: nil) }
            return ImmediateAnswer(reply: Self.reply(id: id, result))
        }
    }

    /// What `answerImmediately` produced: the reply line (without its newline), or nil for
    /// a notification.
    public struct ImmediateAnswer: Sendable {
        public var reply: [UInt8]?
    }

    private enum Preparation {
        case ready(RPCMethod, RPCCall)
        /// The caller may not make this call: `call` answers with this and records it.
        case refused(RPCError)
        case failed(RPCError)
    }

    /// Everything before the method runs, none of which waits: access, params. `route` is
    /// what the method's name found, nil when it names none.
    private func prepare(_ request: RPCRequest, route: Route?, context: RPCContext) -> Preparation {
        let method = route?.method
        if let refusal = access.refusal(method: request.method, access: method?.descriptor.access, context: context) {
            return .refused(refusal)
        }
        guard let method else {
            return .failed(.methodNotFound(request.method))
        }
        let names = method.descriptor.params.map(\.name)
        var params: JSONObject
        switch request.params {
        case .object(let object):
            params = object
        case .array(let elements):
            // By position: the n-th element is the n-th declared param.
            guard elements.count <= names.count else {
                return .failed(.invalidParams("\(request.method) takes at most \(names.count) params, got \(elements.count)"))
            }
            params = JSONObject(uniqueKeysWithValues: zip(names, elements))
        default:
            params = [:]
        }
        let key: String?
        switch params.removeValue(forKey: RPCCallKey.param) {
        case nil:
            key = nil
        case .string(let text) where ClientChosenName.isValid(text):
            key = text
        case .some:
            return .failed(.invalidParams("idempotency_key is not valid", fields: [RPCCallKey.fieldError]))
        }
        let strangers = params.keys.filter { !names.contains($0) }
        if !strangers.isEmpty {
            return .failed(
                .invalidParams(
                    "\(request.method) has no such param",
                    fields: strangers.map { RPCFieldError(field: $0, message: "is not a param of \(request.method)") }))
        }
        // A call that only reads is the same when sent again: its key is not kept.
        let kept = method.descriptor.access == .write ? key : nil
        return .ready(method, RPCCall(method: request.method, params: params, context: context, idempotencyKey: kept))
    }

    private func call(_ request: RPCRequest, route: Route?, context: RPCContext) async -> Result<EncodedJSON, RPCError> {
        switch prepare(request, route: route, context: context) {
        case .refused(let refusal):
            await access.report(refusal, method: request.method, context: context, silent: request.id == nil)
            return .failure(refusal)
        case .failed(let error):
            return .failure(error)
        case .ready(let method, let call):
            let run: @Sendable () async -> Result<EncodedJSON, RPCError> = { [self] in
                do {
                    return .success(try await method.handler(call))
                } catch {
                    return .failure(rpcError(error, method: call.method, context: call.context))
                }
            }
            guard let key = call.idempotencyKey, let ledger else { return await run() }
            return await ledger.once(call, key: key, run: run)
        }
    }

    private func run<T>(_ call: RPCCall, _ body: () throws -> T) -> Result<T, RPCError> {
        do {
            return .success(try body())
        } catch {
            return .failure(rpcError(error, method: call.method, context: call.context))
        }
    }

    /// A method's own errors go to the caller, translated when they are the application's;
    /// anything else is logged and reported as internal.
    private func rpcError(_ error: any Error, method: String, context: RPCContext) -> RPCError {
        if let error = error as? RPCError { return error }
        if let translated = translate(error) { return translated }
        context.logger.error("method failed", metadata: ["method": .string(method), "error": .string("\(error)")])
        return .internalError("Internal error in \(method); the daemon's log has the details")
    }

    private static func reply(id: RPCID, _ outcome: Result<EncodedJSON, RPCError>) -> [UInt8] {
        switch outcome {
        case .success(let result): RPCResponse.bytes(id: id, result: result)
        case .failure(let error): JSONWriter.bytes(RPCResponse(id: id, error: error).json)
        }
    }
}

extension Result {
    fileprivate var succeeded: Bool {
        if case .success = self { return true }
        return false
    }
}
