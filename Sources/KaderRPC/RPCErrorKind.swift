/// The stable, machine-readable class of an error, sent as `error.data.kind`.
///
/// Scripts branch on the kind, not on the message. Each kind has one code: the JSON-RPC
/// standard codes for protocol errors, -32000…-32099 for ours. Never renumber a case.
public enum RPCErrorKind: String, Sendable, Hashable, CaseIterable {
    // JSON-RPC 2.0 standard errors.
    case parseError = "parse_error"
    case invalidRequest = "invalid_request"
    case methodNotFound = "method_not_found"
    case invalidParams = "invalid_params"
    case internalError = "internal"

    // Application errors.
    case notFound = "not_found"
    case forbidden
    case conflict
    case invalid
    case unavailable
    case tooLarge = "too_large"
    case pluginFailed = "plugin_failed"
    /// A registration of someone already registered; `allow_duplicate` says they are not.
    case duplicate

    public var code: Int {
        switch self {
        case .parseError: -32700
        case .invalidRequest: -32600
        case .methodNotFound: -32601
        case .invalidParams: -32602
        case .internalError: -32603
        case .notFound: -32001
        case .forbidden: -32002
        case .conflict: -32003
        case .invalid: -32004
        case .unavailable: -32005
        case .tooLarge: -32006
        case .pluginFailed: -32007
        case .duplicate: -32008
        }
    }

    public init?(code: Int) {
        guard let kind = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = kind
    }
}
