import KaderStore
import Logging

/// One key of kaderd.toml, with what kaderd.toml(5) says of it. ConfigFile accepts and reads
/// only these (by case, so a key cannot be read without being described here), the reloader
/// asks each whether a change waits for a restart, and the manual page is made from them.
enum ConfigKey: String, CaseIterable, Sendable {
    case socket
    case socketGroup = "socket_group"
    case socketMode = "socket_mode"
    case stateDir = "state_dir"
    case logLevel = "log_level"
    case durability
    case store
    case postgresql
    case postgresqlPasswordFile = "postgresql_password_file"
    case nodeName = "node_name"
    case leaderLeaseSeconds = "leader_lease_seconds"
    case programDirs = "program_dirs"
    case pluginDirs = "plugin_dirs"
    case pluginTimeoutSeconds = "plugin_timeout_seconds"
    case pluginMemoryLimitMiB = "plugin_memory_limit_mib"
    case blackoutDirs = "blackout_dirs"
    case adminGroup = "admin_group"
    case readGroup = "read_group"
    case maxLineBytes = "max_line_bytes"
    case maxNestingDepth = "max_nesting_depth"
    case maxConnections = "max_connections"
    case maxPipelinedRequests = "max_pipelined_requests"
    case idleTimeoutSeconds = "idle_timeout_seconds"
    case maxSubscribers = "max_subscribers"

    /// What a value must be; the reader checks ranges and choices from here.
    enum Kind: Equatable {
        case path
        case text
        case group
        case mode
        case choice([String])
        case paths
        case integer(ClosedRange<Int>)
        case seconds(ClosedRange<Double>)
    }

    var name: String { rawValue }

    var kind: Kind {
        switch self {
        case .socket, .stateDir, .postgresqlPasswordFile: .path
        case .postgresql, .nodeName: .text
        case .socketGroup, .adminGroup, .readGroup: .group
        case .socketMode: .mode
        case .logLevel: .choice(Logger.Level.allCases.map(\.rawValue))
        case .durability: .choice(Durability.allCases.map(\.rawValue))
        case .store: .choice(StoreBackend.allCases.map(\.rawValue))
        case .programDirs, .pluginDirs, .blackoutDirs: .paths
        case .leaderLeaseSeconds: .seconds(1...300)
        case .pluginTimeoutSeconds: .seconds(0.1...300)
        case .pluginMemoryLimitMiB: .integer(0...(1 << 20))
        case .maxLineBytes: .integer(1024...(64 << 20))
        case .maxNestingDepth: .integer(2...512)
        case .maxConnections: .integer(1...65536)
        case .maxPipelinedRequests: .integer(1...1024)
        case .idleTimeoutSeconds: .integer(1...86400)
        case .maxSubscribers: .integer(0...65536)
        }
    }

    /// Whether a reload applies a change, or the running value stays until a restart.
    var appliedOnReload: Bool {
        switch self {
        case .logLevel, .programDirs, .pluginDirs, .pluginTimeoutSeconds, .pluginMemoryLimitMiB, .blackoutDirs,
            .adminGroup, .readGroup:
            true
        default: false
        }
    }

    /// The default in words, where it is not one fixed value (it depends on the host, the
    /// user, where kaderd is installed, or another key); nil where the defaults resolved
    /// with no file say it.
    var defaultInWords: String? {
        switch self {
        case .socketGroup: "the value of read_group"
        case .postgresql: "\"postgresql:///kaderd\": the database kaderd on the local server's socket, as the user kaderd runs as"
        case .postgresqlPasswordFile:
            "none: the systemd credential postgresql-password ($CREDENTIALS_DIRECTORY/postgresql-password) when there is one, else no password"
        case .nodeName: "the host's name"
        case .pluginDirs:
            "[\"/usr/lib/kaderd/plugins\"], and PREFIX/lib/kaderd/plugins beside the kaderd binary (PREFIX/bin/kaderd)"
        default: nil
        }
    }

    var meaning: String {
        switch self {
        case .socket:
            "The API socket kaderd binds when started by hand. Under systemd kaderd serves the socket kaderd.socket passes it, and this key is not used. The option --socket and the environment variable KADERD_SOCKET outrank it."
        case .socketGroup:
            "The group of a socket kaderd binds itself (not one systemd passes), so that the read and admin groups' members can connect."
        case .socketMode:
            "The mode of a socket kaderd binds itself, as a string of octal digits (\"0660\") or a TOML octal number (0o660)."
        case .stateDir:
            "The folder of kaderd's data: the SQLite store kaderd.sqlite and the lock kaderd.lock. Under systemd the unit's StateDirectory (/var/lib/kaderd). The option --state-dir outranks it."
        case .logLevel:
            "The least severe level logged. The option --log-level outranks it."
        case .durability:
            "How hard a commit tries to survive a crash. full: every commit is flushed to the disk before it is acknowledged, so it survives power loss. normal: faster, but the last moments of acknowledged changes may be lost on power loss (the database stays consistent). Both survive kaderd being killed."
        case .store:
            "The database that holds the store: the SQLite file in the state folder, or PostgreSQL, which several kaderd may share."
        case .postgresql:
            "The PostgreSQL database, as a libpq URL (host, port, user, dbname). A URL with a password is refused. Only with store = \"postgresql\"."
        case .postgresqlPasswordFile:
            "A file holding the PostgreSQL password, mode 0600 or 0640. Only with store = \"postgresql\"."
        case .nodeName:
            "This kaderd's name among those sharing a PostgreSQL database: 1 to 63 letters, digits, '.', '-' or '_', starting with a letter or digit; unique in the cluster. Only with store = \"postgresql\"."
        case .leaderLeaseSeconds:
            "How long the leader's lease lasts unless renewed (every third of it); only the leader runs the scheduler. Only with store = \"postgresql\"."
        case .programDirs:
            "Folders of program files (*.toml), read beside the built-in programs."
        case .pluginDirs:
            "Folders of plugins (*.so). Each plugin runs in a helper process of its own."
        case .pluginTimeoutSeconds:
            "How long a plugin's call (or loading it) may take; a call that takes longer fails with plugin_failed, and its helper is killed and started again."
        case .pluginMemoryLimitMiB:
            "Each plugin helper's address-space limit in MiB: 0 for none, else at least 512 (a helper maps about 240 MiB before the plugin runs)."
        case .blackoutDirs:
            "Folders of blackout files (*.toml): days on which no task opens in the nation, a province, a regency, a district or a village, and shipped holidays taken back. A folder that does not exist is fine."
        case .adminGroup:
            "The group whose members may change things. Root and kaderd's own user may do anything; a group that does not exist admits no one."
        case .readGroup:
            "The group whose members may only read (cadre records included). Anyone else is refused."
        case .maxLineBytes:
            "The longest request line; a longer one is answered with too_large and the connection is closed."
        case .maxNestingDepth:
            "The deepest nesting of arrays and objects in a request; deeper is a parse_error."
        case .maxConnections:
            "Connections served at once; one more is told unavailable and closed."
        case .maxPipelinedRequests:
            "Request lines a connection may have read ahead of their answers; reading from it pauses beyond this."
        case .idleTimeoutSeconds:
            "Seconds a connection with nothing asked, nothing being answered and no stream open is kept before it is closed."
        case .maxSubscribers:
            "events.subscribe streams open at once, over all connections; one more is refused with unavailable."
        }
    }
}
