import OrderedCollections
/// A well-formed JSON-RPC 2.0 request or notification.
public struct RPCRequest: Sendable, Hashable {
    public var method: String
    /// By-position (array) or by-name (object) parameters; `nil` when omitted.
    public var params: JSONValue?
    /// `nil` for a notification, which is never answered.
    public var id: RPCID?

    public init(method: String, params: JSONValue? = nil, id: RPCID?) {
        self.method = method
        self.params = params
        self.id = id
    }

    public var isNotification: Bool { id == nil }

    public var json: JSONValue {
        var object: JSONObject = ["jsonrpc": "2.0", "method": .string(method)]
        if let params { object["params"] = params }
        if let id { object["id"] = id.json }
        return .object(object)
    }

    /// Validates one element of a message against the JSON-RPC 2.0 request rules.
    ///
    /// An invalid element still yields the id to answer with, when one could be read, so a
    /// client that sent `"method": 1` with `"id": 7` learns which of its requests was wrong.
    public static func validate(_ json: JSONValue) -> Result<RPCRequest, RPCFailure> {
        guard case .object(let object) = json else {
            return .failure(RPCFailure(id: .null, error: .invalidRequest("a request must be a JSON object")))
        }
        var id: RPCID?
        if let rawID = object["id"] {
            guard let readable = RPCID(rawID) else {
                return .failure(RPCFailure(id: .null, error: .invalidRequest("\"id\" must be a string, a number or null")))
            }
            id = readable
        }
        let answerID = id ?? .null
        guard object["jsonrpc"] == .string("2.0") else {
            return .failure(RPCFailure(id: answerID, error: .invalidRequest("\"jsonrpc\" must be exactly \"2.0\"")))
        }
        guard case .string(let method)? = object["method"] else {
            return .failure(RPCFailure(id: answerID, error: .invalidRequest("\"method\" must be a string")))
        }
        let params = object["params"]
        switch params {
        case nil, .array?, .object?: break
        default:
            return .failure(RPCFailure(id: answerID, error: .invalidRequest("\"params\" must be an array or an object")))
        }
        return .success(RPCRequest(method: method, params: params, id: id))
    }
}

/// An element that could not be served, with the id its error reply must carry.
public struct RPCFailure: Error, Sendable, Hashable {
    public var id: RPCID
    public var error: RPCError

    public init(id: RPCID, error: RPCError) {
        self.id = id
        self.error = error
    }

    public var response: RPCResponse { RPCResponse(id: id, error: error) }
}
