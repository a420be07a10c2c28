import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KaderEngine
import KaderPostgres
import KaderRPC
import KaderServer
import KaderStore
import Logging

/// Where the daemon listens and keeps its state, resolved from (strongest first) the
/// command line, the environment, the config file and the defaults.
///
/// `KADERD_SOCKET` outranks the config file because it is how a person points one run
/// elsewhere; `STATE_DIRECTORY` and `RUNTIME_DIRECTORY` (set by systemd from the unit)
/// only replace the built-in defaults, since an explicit setting in the file is deliberate.
struct DaemonSettings: Equatable {
    static let defaultConfigFile = "/etc/kaderd/kaderd.toml"
    static let defaultSocket = "/run/kaderd/kaderd.sock"
    static let defaultStateDir = "/var/lib/kaderd"
    static let defaultProgramDirs = ["/etc/kaderd/programs"]
    static let defaultBlackoutDirs = ["/etc/kaderd/blackouts"]
    /// The distribution's folder, and the one beside the installed binary (PREFIX/bin/kaderd
    /// looks in PREFIX/lib/kaderd/plugins), where `make install` puts the plugins.
    static var defaultPluginDirs: [String] {
        var folders = ["/usr/lib/kaderd/plugins"]
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            let prefix = URL(fileURLWithPath: executable).deletingLastPathComponent().deletingLastPathComponent()
            let beside = prefix.appendingPathComponent("lib/kaderd/plugins").path
            if !folders.contains(beside) { folders.append(beside) }
        }
        return folders
    }
    static let defaultAdminGroup = "kaderd-admin"
    static let defaultReadGroup = "kaderd-read"

    var socket: String
    /// The group and mode of a socket kaderd binds itself: the read group, 0660 by default,
    /// so the read and admin groups' members can connect, as the socket unit gives them.
    var socketGroup: String
    var socketMode: mode_t
    var stateDir: String
    var logLevel: Logger.Level
    var durability: Durability
    var store: StoreBackend
    /// The PostgreSQL database, when `store` is PostgreSQL.
    var postgresql: PostgresLocation
    var postgresqlPasswordFile: String?
    /// This kaderd's name among those sharing a PostgreSQL database.
    var nodeName: String
    var leaderLeaseSeconds: Double
    var programDirs: [String]
    var pluginDirs: [String]
    /// Each plugin's helper: the call timeout and the memory limit.
    var pluginIsolation: PluginIsolation
    var blackoutDirs: [String]
    var adminGroup: String
    var readGroup: String
    var limits: ServerLimits
    /// The config file that was read, nil when none was.
    var configFile: String?

    struct CommandLine: Equatable {
        var socket: String?
        var stateDir: String?
        var configFile: String?
        var logLevel: String?
    }

    /// Loads the config file (the given one must exist; the default one may not) and resolves.
    static func load(commandLine: CommandLine, environment: [String: String]) throws(ConfigFile.Problem)
        -> DaemonSettings
    {
        let path = commandLine.configFile ?? defaultConfigFile
        var file: ConfigFile?
        if commandLine.configFile != nil || FileSystem.exists(path) {
            file = try ConfigFile.load(path: path)
        }
        return try resolve(commandLine: commandLine, environment: environment, file: file, filePath: path)
    }

    /// The settings with no option, no environment and no file: the defaults kaderd.toml(5) shows.
    static var builtInDefaults: DaemonSettings {
        // Without a file or a --log-level there is nothing to refuse.
        try! resolve(commandLine: CommandLine(), environment: [:], file: nil, filePath: defaultConfigFile)
    }

    static func resolve(
        commandLine: CommandLine, environment: [String: String], file: ConfigFile?, filePath: String
    ) throws(ConfigFile.Problem) -> DaemonSettings {
        let socket =
            commandLine.socket ?? environment["KADERD_SOCKET"].nonEmpty ?? file?.socket
            ?? environment["RUNTIME_DIRECTORY"].nonEmpty.map { firstPath($0) + "/kaderd.sock" } ?? defaultSocket
        let stateDir =
            commandLine.stateDir ?? file?.stateDir
            ?? environment["STATE_DIRECTORY"].nonEmpty.map(firstPath) ?? defaultStateDir

        var logLevel = file?.logLevel ?? .info
        if let levelName = commandLine.logLevel {
            guard let level = Logger.Level(rawValue: levelName.lowercased()) else {
                let choices = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigFile.Problem(
                    file: "command line", line: nil, message: "--log-level '\(levelName)' is not one of \(choices)")
            }
            logLevel = level
        }
        let readGroup = file?.readGroup ?? defaultReadGroup
        return DaemonSettings(
            socket: socket, socketGroup: file?.socketGroup ?? readGroup, socketMode: mode_t(file?.socketMode ?? 0o660),
            stateDir: stateDir, logLevel: logLevel, durability: file?.durability ?? .full,
            store: file?.store ?? .sqlite, postgresql: file?.postgresql ?? StoreBackend.defaultPostgresql,
            postgresqlPasswordFile: file?.postgresqlPasswordFile, nodeName: file?.nodeName ?? StoreBackend.defaultNodeName,
            leaderLeaseSeconds: file?.leaderLeaseSeconds ?? 15,
            programDirs: file?.programDirs ?? defaultProgramDirs, pluginDirs: file?.pluginDirs ?? defaultPluginDirs,
            pluginIsolation: pluginIsolation(file),
            blackoutDirs: file?.blackoutDirs ?? defaultBlackoutDirs,
            adminGroup: file?.adminGroup ?? defaultAdminGroup,
            readGroup: file?.readGroup ?? defaultReadGroup, limits: limits(file), configFile: file == nil ? nil : filePath)
    }

    private static func pluginIsolation(_ file: ConfigFile?) -> PluginIsolation {
        var isolation = PluginIsolation()
        if let seconds = file?.pluginTimeoutSeconds { isolation.timeout = .milliseconds(Int((seconds * 1000).rounded())) }
        if let mib = file?.pluginMemoryLimitMiB { isolation.memoryLimitMiB = mib == 0 ? nil : mib }
        return isolation
    }

    private static func limits(_ file: ConfigFile?) -> ServerLimits {
        var limits = ServerLimits()
        guard let file else { return limits }
        limits.maxLineBytes = file.maxLineBytes ?? limits.maxLineBytes
        limits.maxNestingDepth = file.maxNestingDepth ?? limits.maxNestingDepth
        limits.maxConnections = file.maxConnections ?? limits.maxConnections
        limits.maxPipelinedRequests = file.maxPipelinedRequests ?? limits.maxPipelinedRequests
        limits.idleTimeout = file.idleTimeoutSeconds.map { .seconds($0) } ?? limits.idleTimeout
        limits.maxSubscribers = file.maxSubscribers ?? limits.maxSubscribers
        return limits
    }

    /// The access policy these settings describe, with the groups looked up now.
    var accessPolicy: AccessPolicy {
        AccessPolicy(admin: .named(adminGroup), read: .named(readGroup), ownerUID: getuid())
    }

    /// systemd passes a colon-separated list when a unit names several folders; ours is the first.
    private static func firstPath(_ list: String) -> String {
        String(list.split(separator: ":").first ?? Substring(list))
    }
}

extension DaemonSettings {
    /// Every setting by its kaderd.toml key, for `daemon.status` and for telling which
    /// changes a reload leaves for a restart: what runs, not what a file says.
    var configObject: [String: SettingValue] {
        let timeout = pluginIsolation.timeout.components
        return [
            "socket": .text(socket), "socket_group": .text(socketGroup), "socket_mode": .text("0" + String(socketMode, radix: 8)),
            "state_dir": .text(stateDir), "log_level": .text(logLevel.rawValue), "durability": .text(durability.rawValue),
            "store": .text(store.rawValue), "postgresql": .text(store == .postgresql ? postgresql.description : ""),
            "postgresql_password_file": .text(store == .postgresql ? postgresqlPasswordFile ?? "" : ""),
            "node_name": .text(store == .postgresql ? nodeName : ""),
            "leader_lease_seconds": .number(leaderLeaseSeconds),
            "program_dirs": .list(programDirs), "plugin_dirs": .list(pluginDirs),
            "plugin_timeout_seconds": .number(Double(timeout.seconds) + Double(timeout.attoseconds) / 1e18),
            "plugin_memory_limit_mib": .number(Double(pluginIsolation.memoryLimitMiB ?? 0)),
            "blackout_dirs": .list(blackoutDirs), "admin_group": .text(adminGroup), "read_group": .text(readGroup),
            "max_line_bytes": .number(Double(limits.maxLineBytes)), "max_nesting_depth": .number(Double(limits.maxNestingDepth)),
            "max_connections": .number(Double(limits.maxConnections)),
            "max_pipelined_requests": .number(Double(limits.maxPipelinedRequests)),
            "idle_timeout_seconds": .number(Double(limits.idleTimeout.components.seconds)),
            "max_subscribers": .number(Double(limits.maxSubscribers)),
        ]
    }
}

extension Optional<String> {
    fileprivate var nonEmpty: String? {
        guard let self, !self.isEmpty else { return nil }
        return self
    }
}
