/// One line from a client, read as JSON-RPC 2.0: a single message or a batch.
public enum RPCInbound: Sendable, Hashable {
    case single(Result<RPCRequest, RPCFailure>)
    case batch([Result<RPCRequest, RPCFailure>])

    /// Reads one line (without its newline). Never throws: every problem becomes the
    /// failure that the specification says to answer with.
    public init(line: some Sequence<UInt8>, maxDepth: Int = JSONParser.defaultMaxDepth) {
        let json: JSONValue
        do {
            json = try JSONParser.parse(line, maxDepth: maxDepth)
        } catch {
            self = .single(.failure(RPCFailure(id: .null, error: .parseError(error.description))))
            return
        }
        self.init(json: json)
    }

    public init(json: JSONValue) {
        switch json {
        case .array(let elements) where elements.isEmpty:
            self = .single(.failure(RPCFailure(id: .null, error: .invalidRequest("an empty batch"))))
        case .array(let elements):
            self = .batch(elements.map(RPCRequest.validate))
        default:
            self = .single(RPCRequest.validate(json))
        }
    }
}
