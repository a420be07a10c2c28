extension RPCMethodDescriptor {
    public static let pluginList = RPCMethodDescriptor(
        name: "plugin.list",
        summary:
            "Every plugin file found: name, version, ABI, path, state (loaded, refused, failed), reason, what it provides, and its helper process.",
        access: .read, result: .objectSchema(["plugins": ["type": "array"]]))
}

/// One plugin file as the daemon found it.
public struct PluginInfo: Codable, Sendable, Hashable {
    public var name: String?
    public var version: String?
    public var abi: UInt32?
    public var path: String
    /// loaded, refused or failed.
    public var state: String
    /// Why it was refused, or its last failure.
    public var reason: String?
    public var provinces: [String]
    public var hooks: [String]
    /// The helper process that runs a loaded plugin's code.
    public var helper: PluginHelperInfo?

    public init(
        name: String?, version: String?, abi: UInt32?, path: String, state: String, reason: String?,
        provinces: [String], hooks: [String], helper: PluginHelperInfo? = nil
    ) {
        self.name = name
        self.version = version
        self.abi = abi
        self.path = path
        self.state = state
        self.reason = reason
        self.provinces = provinces
        self.hooks = hooks
        self.helper = helper
    }
}

/// A loaded plugin's helper process: its pid while one runs, and what became of its calls.
public struct PluginHelperInfo: Codable, Sendable, Hashable {
    public var pid: Int32?
    public var calls: Int
    public var failures: Int
    public var restarts: Int
    public var lastFailure: String?
    /// When, as an ISO 8601 UTC time.
    public var lastFailureAt: String?

    enum CodingKeys: String, CodingKey {
        case pid, calls, failures, restarts
        case lastFailure = "last_failure"
        case lastFailureAt = "last_failure_at"
    }

    public init(pid: Int32?, calls: Int, failures: Int, restarts: Int, lastFailure: String?, lastFailureAt: String?) {
        self.pid = pid
        self.calls = calls
        self.failures = failures
        self.restarts = restarts
        self.lastFailure = lastFailure
        self.lastFailureAt = lastFailureAt
    }
}

public struct PluginList: Codable, Sendable, Hashable {
    public var plugins: [PluginInfo]
    public init(plugins: [PluginInfo]) { self.plugins = plugins }
}
