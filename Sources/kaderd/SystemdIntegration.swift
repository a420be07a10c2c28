import Foundation
import KaderEngine
import KaderRPC
import KaderServer
import KaderStore
import KaderSystemd
import Logging
import ServiceLifecycle

/// Everything that makes kaderd a good systemd citizen, in one place for the daemon's
/// wiring: logging to the journal, the sockets systemd passes, READY=1/STATUS=/STOPPING=1,
/// the watchdog and reloads. Run by hand, each part quietly does the plain thing instead.
final class SystemdIntegration: Sendable {
    let notifier = SystemdNotifier()
    let logLevel: LiveLogLevel
    let logger: Logger
    let readiness: ReadinessGate
    let reloader: Reloader
    let status: StatusReporter
    let watchdog: Watchdog?
    /// What the daemon serves: the sockets systemd passed, else the configured path.
    let endpoints: [RPCServer.Configuration.Endpoint]
    private let servers = ServerList()

    /// Bootstraps logging, so call it before any logger is made. Takes the sockets systemd
    /// passed, which must happen once, early, before anything could open a descriptor.
    init(
        settings: DaemonSettings, commandLine: DaemonSettings.CommandLine, environment: [String: String]
    ) throws(SocketActivationError) {
        logLevel = LiveLogLevel(settings.logLevel)
        let destination = DaemonLogging.bootstrap(level: logLevel, environment: environment)
        let logger = Logger(label: "kaderd")
        self.logger = logger

        let inherited = try InheritedSocket.takeAll()
        if inherited.isEmpty {
            endpoints = [.path(settings.socket)]
        } else {
            endpoints = inherited.map { .inherited(descriptor: $0.descriptor, path: $0.path) }
            logger.info(
                "serving the sockets passed by the service manager",
                metadata: ["sockets": "\(inherited.map { "\($0.name)=\($0.path ?? "fd \($0.descriptor)")" })"])
        }
        logger.debug("logging", metadata: ["destination": "\(destination)"])

        readiness = ReadinessGate(
            steps: Set(endpoints.map { .socketServed($0.servedPath) }),
            notifier: notifier, logger: logger,
            readyLogMetadata: [
                "socket": "\(endpoints.map(\.servedPath).joined(separator: ","))",
                "state_dir": "\(settings.stateDir)",
            ])
        watchdog = Watchdog.fromEnvironment(notifier: notifier)

        let servers = self.servers
        let status = StatusReporter(notifier: notifier, logger: logger) { servers.connectionsServed }
        self.status = status
        reloader = Reloader(
            settings: settings, commandLine: commandLine, environment: environment, logLevel: logLevel,
            notifier: notifier, readiness: readiness, logger: logger, onReload: { status.record($0) })
    }

    /// The group and mode of a socket kaderd binds itself; a group that does not exist is
    /// left out with a warning (the socket keeps the daemon's own group).
    private func socketFileAccess(_ settings: DaemonSettings) -> RPCServer.Configuration.FileAccess {
        guard let group = getgrnam(settings.socketGroup)?.pointee.gr_gid else {
            logger.warning(
                "the socket group does not exist; only kaderd's own user and group can connect",
                metadata: ["socket_group": "\(settings.socketGroup)"])
            return .init(group: nil, mode: settings.socketMode)
        }
        return .init(group: group, mode: settings.socketMode)
    }

    /// The socket path `daemon.status` reports: the first one served.
    var servedSocket: String { endpoints.first?.servedPath ?? "" }

    /// The RPC server for each endpoint, reporting readiness when it listens.
    func makeServers(dispatcher: RPCDispatcher, settings: DaemonSettings) -> [RPCServer] {
        let access = socketFileAccess(settings)
        let made = endpoints.map { endpoint in
            RPCServer(
                configuration: .init(endpoint: endpoint, limits: settings.limits, fileAccess: access), dispatcher: dispatcher,
                logger: logger,
                onListening: { [readiness] in readiness.complete(.socketServed(endpoint.servedPath)) })
        }
        servers.set(made)
        return made
    }

    /// The services that run beside the servers. `StoppingNotice` comes last so that it is
    /// the first to hear of a graceful shutdown.
    var services: [ServiceGroupConfiguration.ServiceConfiguration] {
        [
            .init(service: ReloadSignal(reloader: reloader), successTerminationBehavior: .gracefullyShutdownGroup),
            .init(service: StoppingNotice(notifier: notifier, logger: logger),
                  successTerminationBehavior: .gracefullyShutdownGroup),
        ]
    }
}

extension RPCServer.Configuration.Endpoint {
    /// How a person recognises the socket: its path, or the descriptor when it has none.
    var servedPath: String {
        switch self {
        case .path(let path): path
        case .inherited(let descriptor, let path): path ?? "fd \(descriptor)"
        }
    }
}

extension SystemdIntegration {
    var connectionsServed: UInt64 { servers.connectionsServed }

    /// The scheduler's loop pings the watchdog, so it must never sleep longer than a ping
    /// may wait; a pass that does not finish then stops the pings and systemd restarts us.
    var schedulerConfiguration: Scheduler.Configuration {
        var configuration = Scheduler.Configuration()
        // A second's tasks of a national store are written in 10–30 ms: begun this much
        // before, they are committed at their instant (Benchmarks/README.md, seventh round).
        configuration.ahead = 0.05
        if let watchdog {
            let seconds = Double(watchdog.passInterval.components.seconds)
                + Double(watchdog.passInterval.components.attoseconds) / 1e18
            configuration.idle = min(configuration.idle, seconds)
            logger.info("watchdog enabled", metadata: ["timeout": "\(watchdog.timeout)"])
        }
        return configuration
    }

    /// Called at the end of each pass of the scheduler's loop: brings STATUS= up to date with
    /// the store's counts as of its latest commit, and pings the watchdog.
    func workLoopPassed(_ summary: StoreSummary) {
        status.record(activeWorkflows: summary.activeWorkflows, tasksDue: summary.taskCounts[.due] ?? 0)
        do {
            _ = try watchdog?.ping()
        } catch {
            logger.error("\(error)")
        }
    }
}
