import KaderRPC
import KaderServer

/// Every example of the JSON-RPC 2.0 specification (section 7), one message per line, with
/// the methods they call. `reply` nil means the server must send nothing back.
public enum SpecExamples {
    public struct Example: Sendable, CustomStringConvertible {
        public let name: String
        public let request: String
        public let reply: String?

        public var description: String { name }
    }

    public static let all: [Example] = [
        Example(
            name: "positional params",
            request: #"{"jsonrpc": "2.0", "method": "subtract", "params": [42, 23], "id": 1}"#,
            reply: #"{"jsonrpc": "2.0", "result": 19, "id": 1}"#),
        Example(
            name: "positional params, reversed",
            request: #"{"jsonrpc": "2.0", "method": "subtract", "params": [23, 42], "id": 2}"#,
            reply: #"{"jsonrpc": "2.0", "result": -19, "id": 2}"#),
        Example(
            name: "named params",
            request: #"{"jsonrpc": "2.0", "method": "subtract", "params": {"subtrahend": 23, "minuend": 42}, "id": 3}"#,
            reply: #"{"jsonrpc": "2.0", "result": 19, "id": 3}"#),
        Example(
            name: "named params, other order",
            request: #"{"jsonrpc": "2.0", "method": "subtract", "params": {"minuend": 42, "subtrahend": 23}, "id": 4}"#,
            reply: #"{"jsonrpc": "2.0", "result": 19, "id": 4}"#),
        Example(
            name: "notification with params",
            request: #"{"jsonrpc": "2.0", "method": "update", "params": [1,2,3,4,5]}"#,
            reply: nil),
        Example(
            name: "notification of an unknown method",
            request: #"{"jsonrpc": "2.0", "method": "foobar"}"#,
            reply: nil),
        Example(
            name: "non-existent method",
            request: #"{"jsonrpc": "2.0", "method": "foobar", "id": "1"}"#,
            reply: #"{"jsonrpc": "2.0", "error": {"code": -32601, "message": "Method not found"}, "id": "1"}"#),
        Example(
            name: "invalid JSON",
            request: #"{"jsonrpc": "2.0", "method": "foobar, "params": "bar", "baz]"#,
            reply: #"{"jsonrpc": "2.0", "error": {"code": -32700, "message": "Parse error"}, "id": null}"#),
        Example(
            name: "invalid Request object",
            request: #"{"jsonrpc": "2.0", "method": 1, "params": "bar"}"#,
            reply: #"{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}"#),
        Example(
            name: "batch, invalid JSON",
            request: #"[{"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"},{"jsonrpc": "2.0", "method"]"#,
            reply: #"{"jsonrpc": "2.0", "error": {"code": -32700, "message": "Parse error"}, "id": null}"#),
        Example(
            name: "empty array",
            request: #"[]"#,
            reply: #"{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}"#),
        Example(
            name: "invalid batch, not empty",
            request: #"[1]"#,
            reply: #"[{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}]"#),
        Example(
            name: "invalid batch",
            request: #"[1,2,3]"#,
            reply: #"""
                [{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null},
                 {"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null},
                 {"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}]
                """#),
        Example(
            name: "batch",
            request: #"""
                [{"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"}, {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]}, {"jsonrpc": "2.0", "method": "subtract", "params": [42,23], "id": "2"}, {"foo": "boo"}, {"jsonrpc": "2.0", "method": "foo.get", "params": {"name": "myself"}, "id": "5"}, {"jsonrpc": "2.0", "method": "get_data", "id": "9"}]
                """#,
            reply: #"""
                [{"jsonrpc": "2.0", "result": 7, "id": "1"},
                 {"jsonrpc": "2.0", "result": 19, "id": "2"},
                 {"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null},
                 {"jsonrpc": "2.0", "error": {"code": -32601, "message": "Method not found"}, "id": "5"},
                 {"jsonrpc": "2.0", "result": ["hello", 5], "id": "9"}]
                """#),
        Example(
            name: "batch of notifications only",
            request: #"[{"jsonrpc": "2.0", "method": "notify_sum", "params": [1,2,4]}, {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]}]"#,
            reply: nil),
    ]

    /// The methods the examples call, as the specification implies them.
    public static let methods: [RPCMethod] = [
        method("subtract", params: ["minuend", "subtrahend"]) { params in
            .number(JSONNumber(try int(params, "minuend") - int(params, "subtrahend")))
        },
        method("sum", params: ["a", "b", "c"]) { params in
            .number(JSONNumber(try ["a", "b", "c"].reduce(0) { try $0 + int(params, $1) }))
        },
        method("update", params: ["a", "b", "c", "d", "e"]) { _ in .null },
        method("notify_hello", params: ["n"]) { _ in .null },
        method("notify_sum", params: ["a", "b", "c"]) { _ in .null },
        method("get_data", params: []) { _ in ["hello", 5] },
    ]

    private static func method(
        _ name: String, params: [String], _ body: @escaping @Sendable (JSONObject) throws -> JSONValue
    ) -> RPCMethod {
        let descriptor = RPCMethodDescriptor(
            name: name, summary: "JSON-RPC 2.0 specification example", access: .read,
            params: params.map { RPCParamDescriptor(name: $0, summary: $0, required: false, schema: ["type": "integer"]) },
            result: [:])
        return RPCMethod(descriptor) { call in try body(call.params) }
    }

    private static func int(_ params: JSONObject, _ name: String) throws -> Int {
        guard let value = params[name]?.intValue else {
            throw RPCError.invalidParams("\(name) must be an integer", fields: [.init(field: name, message: "expected an integer")])
        }
        return value
    }
}
