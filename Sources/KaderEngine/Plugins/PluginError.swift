/// A plugin's call that did not give a usable answer; the message names the plugin.
public struct PluginError: Error, Sendable, Hashable, CustomStringConvertible {
    public let plugin: String
    public let hook: String
    public let reason: String

    public var description: String { "plugin \(plugin) failed in \(hook): \(reason)" }
}
