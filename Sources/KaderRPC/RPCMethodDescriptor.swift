import OrderedCollections
/// What a method is called, what it takes and returns, and whether it changes anything.
///
/// The daemon's method table is built from these, and `rpc.discover` renders them as an
/// OpenRPC document, so the published description cannot drift from what is served.
public struct RPCMethodDescriptor: Sendable, Hashable {
    /// Whether a method only reads or also changes state; authorization keys on this.
    public enum Access: String, Sendable, Hashable {
        case read
        case write
        /// Changes nothing, but hands out what only an admin may take: a copy of the whole
        /// store, every cadre's personal data in it (`daemon.backup`).
        case admin
    }

    public var name: String
    public var summary: String
    public var access: Access
    public var params: [RPCParamDescriptor]
    /// JSON Schema of the result.
    public var result: JSONValue

    public init(name: String, summary: String, access: Access, params: [RPCParamDescriptor] = [], result: JSONValue) {
        self.name = name
        self.summary = summary
        self.access = access
        self.params = params
        self.result = result
    }

    /// The OpenRPC Method Object. `x-access` is our extension: `read`, `write` or `admin`. A
    /// method that writes lists `idempotency_key` last, which the server takes for every method.
    public var openRPC: JSONValue {
        [
            "name": .string(name),
            "summary": .string(summary),
            "paramStructure": "either",
            "params": .array((params + (access == .write ? [.idempotencyKey] : [])).map(\.openRPC)),
            "result": ["name": "result", "schema": result],
            "x-access": .string(access.rawValue),
        ]
    }
}

public struct RPCParamDescriptor: Sendable, Hashable {
    public var name: String
    public var summary: String
    public var required: Bool
    /// JSON Schema of the parameter.
    public var schema: JSONValue

    public init(name: String, summary: String, required: Bool, schema: JSONValue) {
        self.name = name
        self.summary = summary
        self.required = required
        self.schema = schema
    }

    public var openRPC: JSONValue {
        ["name": .string(name), "summary": .string(summary), "required": .bool(required), "schema": schema]
    }
}

extension RPCParamDescriptor {
    /// The key that makes a call safe to send again (see the server's `RPCCallLedger`).
    public static let idempotencyKey = RPCParamDescriptor.string(
        "idempotency_key",
        "Sent again with the same key, a call already carried out is answered with its first reply instead of "
            + "changing anything twice (kept 24 h). 1 to 128 letters, digits, '-', '_', '.' or ':'.")
}
