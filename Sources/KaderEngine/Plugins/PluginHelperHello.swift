/// The first frame a plugin helper sends: what the plugin's descriptor says, copied as is,
/// or why the file could not be loaded at all. kaderd checks every field itself: the
/// helper runs the plugin's code and is as untrusted as the plugin.
struct PluginHelperHello: Codable, Sendable {
    /// Why the plugin could not be loaded (dlopen, the entry symbol, its descriptor).
    var refused: String?
    var abi: UInt32?
    var name: String?
    var version: String?
    var provides: String?
    /// Whether the descriptor has both the call and the free_reply function.
    var hasFunctions: Bool?
    /// Why the memory limit could not be set, when it could not.
    var memoryLimitProblem: String?
}
