extension RPCMethodDescriptor {
    public static let pluginList = RPCMethodDescriptor(
        name: "plugin.list",
        summary: "Every plugin file found: name, version, ABI, path, state (loaded, refused, failed), reason, what it provides.",
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

    public init(
        name: String?, version: String?, abi: UInt32?, path: String, state: String, reason: String?,
        provinces: [String], hooks: [String]
    ) {
        self.name = name
        self.version = version
        self.abi = abi
        self.path = path
        self.state = state
        self.reason = reason
        self.provinces = provinces
        self.hooks = hooks
    }
}

public struct PluginList: Codable, Sendable, Hashable {
    public var plugins: [PluginInfo]
    public init(plugins: [PluginInfo]) { self.plugins = plugins }
}
