/// How plugins are kept apart from the daemon: each plugin file runs in a helper process of
/// its own (the kaderd executable again, in its plugin-host mode), every call has a time
/// limit, and the helper an address-space limit. A plugin that crashes, hangs or eats
/// memory takes its helper down, never kaderd.
public struct PluginIsolation: Sendable, Hashable {
    /// The program started as each plugin's helper. kaderd uses `/proc/self/exe`: the very
    /// binary that runs, even after a package upgrade replaced the file.
    public var executable: String
    /// How long a call (or loading the plugin) may take before the helper is killed.
    public var timeout: Duration
    /// The helper's address-space limit (RLIMIT_AS), in MiB; nil for none.
    public var memoryLimitMiB: Int?
    /// The longest reply read from a plugin; a longer one is refused.
    public var maximumReplyBytes: Int

    public static let defaultTimeout = Duration.seconds(5)
    public static let defaultMemoryLimitMiB = 1024
    public static let defaultMaximumReplyBytes = 1 << 20

    public init(
        executable: String = "/proc/self/exe", timeout: Duration = defaultTimeout,
        memoryLimitMiB: Int? = defaultMemoryLimitMiB, maximumReplyBytes: Int = defaultMaximumReplyBytes
    ) {
        self.executable = executable
        self.timeout = timeout
        self.memoryLimitMiB = memoryLimitMiB
        self.maximumReplyBytes = maximumReplyBytes
    }

    /// The helper's arguments after the executable: kaderd's hidden plugin-host options,
    /// which `ps` and `systemctl status` show.
    func helperArguments(plugin path: String) -> [String] {
        ["--plugin-host", path] + (memoryLimitMiB.map { ["--plugin-memory-limit-mib", "\($0)"] } ?? [])
    }

    /// What tells a process it is a helper, and which plugin it hosts. The environment, not
    /// the arguments: Swift reads its arguments from /proc/self/cmdline, which under
    /// libfaketime and in systemd's sandbox now and then came back without them, and the
    /// helper then started a second daemon (exit 75, "state folder in use").
    public static let hostVariable = "KADERD_PLUGIN_HOST"
    public static let memoryLimitVariable = "KADERD_PLUGIN_MEMORY_LIMIT_MIB"

    func helperEnvironment(plugin path: String) -> [String: String] {
        [Self.hostVariable: path].merging(memoryLimitMiB.map { [Self.memoryLimitVariable: "\($0)"] } ?? [:]) { a, _ in a }
    }
}
