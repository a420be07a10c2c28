import OrderedCollections
/// A JSON-RPC 2.0 response: a result or an error, never both.
public struct RPCResponse: Sendable, Hashable {
    public var id: RPCID
    public var outcome: Result<JSONValue, RPCError>

    public init(id: RPCID, result: JSONValue) {
        self.id = id
        self.outcome = .success(result)
    }

    public init(id: RPCID, error: RPCError) {
        self.id = id
        self.outcome = .failure(error)
    }

    public var json: JSONValue {
        switch outcome {
        case .success(let result): ["jsonrpc": "2.0", "result": result, "id": id.json]
        case .failure(let error): ["jsonrpc": "2.0", "error": error.json, "id": id.json]
        }
    }

    /// The reply to `id` whose result is already written: the bytes `JSONWriter` writes for
    /// `RPCResponse(id:result:).json`, without building the response first.
    public static func bytes(id: RPCID, result: EncodedJSON) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(result.bytes.count + 40)
        bytes += Self.resultOpening
        bytes += result.bytes
        bytes += Self.idKey
        JSONWriter.write(id.json, into: &bytes)
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    private static let resultOpening = Array(#"{"jsonrpc":"2.0","result":"#.utf8)
    private static let idKey = Array(#","id":"#.utf8)

    /// Reads a response the way a client must: strictly, naming what is wrong.
    public init(json: JSONValue) throws(RPCProtocolError) {
        guard case .object(let object) = json else { throw RPCProtocolError("a response must be a JSON object") }
        guard object["jsonrpc"] == .string("2.0") else { throw RPCProtocolError("\"jsonrpc\" is not \"2.0\"") }
        guard let rawID = object["id"], let id = RPCID(rawID) else {
            throw RPCProtocolError("the response has no readable \"id\"")
        }
        switch (object["result"], object["error"]) {
        case (let result?, nil):
            self.init(id: id, result: result)
        case (nil, let error?):
            guard let decoded = RPCError(json: error) else {
                throw RPCProtocolError("the response's \"error\" is not a JSON-RPC error object")
            }
            self.init(id: id, error: decoded)
        default:
            throw RPCProtocolError("a response must have exactly one of \"result\" and \"error\"")
        }
    }
}

/// The peer broke the protocol: not an error it reported, but a reply we cannot read.
public struct RPCProtocolError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
