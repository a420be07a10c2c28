import KaderRPC

/// A method the daemon serves: its published description and the code that runs it.
public struct RPCMethod: Sendable {
    /// Every method answers with its result written out; most write a `JSONValue`, the
    /// largest replies (lists of tasks) write their bytes directly.
    public typealias Handler = @Sendable (RPCCall) async throws -> EncodedJSON
    public typealias ImmediateHandler = @Sendable (RPCCall) throws -> EncodedJSON

    public let descriptor: RPCMethodDescriptor
    public let handler: Handler
    /// Set for a method that answers from memory at once, without waiting on anything: the
    /// server runs it on the thread that read the request, which saves two thread hops.
    public let immediate: ImmediateHandler?

    public init(_ descriptor: RPCMethodDescriptor, handler: @escaping @Sendable (RPCCall) async throws -> JSONValue) {
        self.init(descriptor: descriptor, handler: { call in EncodedJSON(try await handler(call)) }, immediate: nil)
    }

    private init(descriptor: RPCMethodDescriptor, handler: @escaping Handler, immediate: ImmediateHandler?) {
        self.descriptor = descriptor
        self.handler = handler
        self.immediate = immediate
    }

    /// A method answered from memory, without blocking: it must not wait on a lock held
    /// for long, the store or the network, since it runs on an event loop. (A factory, not an
    /// initializer, so that a trailing closure never picks it by accident.)
    public static func immediate(
        _ descriptor: RPCMethodDescriptor, _ body: @escaping @Sendable (RPCCall) throws -> JSONValue
    ) -> RPCMethod {
        immediate(descriptor, encoded: { call in EncodedJSON(try body(call)) })
    }

    /// An immediate method whose result is kept written out, so the event loop copies it
    /// instead of encoding it.
    public static func immediate(_ descriptor: RPCMethodDescriptor, encoded body: @escaping ImmediateHandler) -> RPCMethod {
        RPCMethod(descriptor: descriptor, handler: { call in try body(call) }, immediate: body)
    }

    /// A method that writes its result's bytes itself, for replies too large to build as a
    /// `JSONValue` first. (A factory, like `immediate`, so a trailing closure never picks it.)
    public static func encoded(_ descriptor: RPCMethodDescriptor, _ body: @escaping Handler) -> RPCMethod {
        RPCMethod(descriptor: descriptor, handler: body, immediate: nil)
    }

    /// A method whose result is any `Encodable` value.
    public init<Output: Encodable & Sendable>(
        _ descriptor: RPCMethodDescriptor, handler: @escaping @Sendable (RPCCall) async throws -> Output
    ) {
        self.init(descriptor) { call in try JSONValue(encoding: try await handler(call)) }
    }
}

/// One invocation of a method: its params, already checked against the descriptor's names.
public struct RPCCall: Sendable {
    public let method: String
    /// The named params; empty when the caller sent none.
    public let params: JSONObject
    public let context: RPCContext
    /// The call's idempotency key (`RPCCallLedger`), for a method that changes something;
    /// taken out of `params`.
    public var idempotencyKey: String? = nil

    /// Decodes the params into `T`, turning every decoding failure into `invalid_params`
    /// naming the field.
    public func decodeParams<T: Decodable>(_ type: T.Type = T.self) throws(RPCError) -> T {
        do {
            return try JSONValue.object(params).decode(T.self)
        } catch let error as DecodingError {
            throw RPCError.invalidParams("params of \(method) are not valid", fields: [RPCFieldError(error)])
        } catch {
            throw RPCError.invalidParams("\(error)")
        }
    }
}

extension RPCFieldError {
    /// Names the offending field of a decoding failure and says what was expected there.
    init(_ error: DecodingError) {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.reduce(into: "") { path, key in
                if let index = key.intValue {
                    path += "[\(index)]"
                } else {
                    path += path.isEmpty ? key.stringValue : "." + key.stringValue
                }
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            self.init(field: path(context.codingPath + [key]), message: "is required")
        case .valueNotFound(_, let context):
            self.init(field: path(context.codingPath), message: "must not be null")
        case .typeMismatch(let type, let context):
            self.init(field: path(context.codingPath), message: "expected \(Self.jsonTypeName(type))")
        case .dataCorrupted(let context):
            self.init(field: path(context.codingPath), message: context.debugDescription)
        @unknown default:
            self.init(field: "", message: "\(error)")
        }
    }

    private static func jsonTypeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is any BinaryInteger.Type: "an integer"
        case is any BinaryFloatingPoint.Type: "a number"
        case is [Any].Type: "an array"
        default: "a value of type \(type)"
        }
    }
}
