import KaderCore

/// One plugin file as the host found it: loaded, refused at load, or failed in use.
public struct PluginRecord: Error, Sendable, Hashable {
    public enum State: String, Sendable, Hashable {
        /// Loaded and serving its hooks.
        case loaded
        /// Not loaded: the file, its descriptor or its ABI was not acceptable.
        case refused
        /// Loaded, but its last call failed; its helper is restarted, and the failure shown.
        case failed
    }

    public var path: String
    public var name: String?
    public var version: String?
    public var abiVersion: UInt32?
    public var state: State
    /// Why it was refused, or its last failure.
    public var reason: String?
    /// The provinces it applies to.
    public var provinces: [RegionCode]
    /// The hooks it answers.
    public var hooks: [String]
    /// Its helper process, when loaded.
    public var helper: PluginHelperStatus?
}
