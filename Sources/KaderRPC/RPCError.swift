import OrderedCollections
/// A JSON-RPC error object, thrown by method handlers and sent to the client.
///
/// `data` always carries `kind` (see `RPCErrorKind`) and, for bad input, `fields`: one entry
/// per offending parameter, so a client can point at each thing to fix.
public struct RPCError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: Int
    public var message: String
    public var data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    public init(_ kind: RPCErrorKind, _ message: String, fields: [RPCFieldError] = [], extra: JSONObject = [:]) {
        var data: JSONObject = ["kind": .string(kind.rawValue)]
        if !fields.isEmpty { data["fields"] = .array(fields.map(\.json)) }
        data.merge(extra, uniquingKeysWith: { _, new in new })
        self.init(code: kind.code, message: message, data: .object(data))
    }

    /// The stable kind from `data.kind`, falling back to the code for foreign servers.
    public var kind: RPCErrorKind? {
        if let raw = data?["kind"]?.stringValue, let kind = RPCErrorKind(rawValue: raw) { return kind }
        return RPCErrorKind(code: code)
    }

    public var fields: [RPCFieldError] {
        data?["fields"]?.arrayValue?.compactMap(RPCFieldError.init(json:)) ?? []
    }

    public var json: JSONValue {
        var object: JSONObject = ["code": .number(JSONNumber(code)), "message": .string(message)]
        if let data { object["data"] = data }
        return .object(object)
    }

    public init?(json: JSONValue) {
        guard let code = json["code"]?.intValue, let message = json["message"]?.stringValue else { return nil }
        self.init(code: code, message: message, data: json["data"])
    }

    public var description: String {
        let details = fields.map { "\($0.field): \($0.message)" }
        return details.isEmpty ? message : message + " (" + details.joined(separator: "; ") + ")"
    }

    public static func parseError(_ detail: String) -> RPCError {
        RPCError(.parseError, "Parse error: \(detail)")
    }

    public static func invalidRequest(_ detail: String) -> RPCError {
        RPCError(.invalidRequest, "Invalid Request: \(detail)")
    }

    public static func methodNotFound(_ method: String) -> RPCError {
        RPCError(.methodNotFound, "Method not found: \(method)", extra: ["method": .string(method)])
    }

    public static func invalidParams(_ message: String, fields: [RPCFieldError] = []) -> RPCError {
        RPCError(.invalidParams, "Invalid params: \(message)", fields: fields)
    }

    public static func internalError(_ message: String = "Internal error") -> RPCError {
        RPCError(.internalError, message)
    }
}

/// What is wrong with one parameter, named by its path (`village`, `cadres[2].name`).
public struct RPCFieldError: Sendable, Hashable {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var json: JSONValue { ["field": .string(field), "message": .string(message)] }

    public init?(json: JSONValue) {
        guard let field = json["field"]?.stringValue, let message = json["message"]?.stringValue else { return nil }
        self.init(field: field, message: message)
    }
}
