import ArgumentParser
import Foundation
import KaderEngine
import KaderRPC
import KaderStore
import KaderServer
import Logging
import ServiceLifecycle

@main
struct Kaderd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kaderd",
        abstract: "The kaderd daemon: cadre-development workflows of Indonesian villages, as scheduled tasks.",
        discussion: """
            Runs in the foreground and serves JSON-RPC 2.0 on a Unix socket; talk to it with kaderctl.
            Stops gracefully on SIGTERM or SIGINT: requests already received are answered, the socket
            file is removed, and the exit status is 0.

            Settings come from (strongest first) these options, the environment (KADERD_SOCKET), the
            config file (\(DaemonSettings.defaultConfigFile), optional) and the defaults.

            Exit status: 0 ok, 64 usage, 69 socket unavailable, 70 internal error, 77 permission
            denied, 78 configuration error.
            """,
        version: KaderVersion.current
    )

    @Option(name: .long, help: "Unix socket to serve. (default: $KADERD_SOCKET, then the config, then \(DaemonSettings.defaultSocket))")
    var socket: String?

    @Option(name: .long, help: "Folder for the daemon's state. (default: the config, then $STATE_DIRECTORY, then \(DaemonSettings.defaultStateDir))")
    var stateDir: String?

    @Option(name: .long, help: "TOML config file; must exist when given. (default: \(DaemonSettings.defaultConfigFile) if present)")
    var config: String?

    @Option(name: .long, help: "Least severe log level shown: trace, debug, info, notice, warning, error or critical.")
    var logLevel: String?

    /// Long enough for any request in flight to finish, short enough that a stuck client
    /// cannot hold up a stop; systemd's own stop timeout is far longer.
    static let gracefulShutdownLimit = Duration.seconds(5)

    func run() async throws {
        let settings: DaemonSettings
        do {
            settings = try DaemonSettings.load(
                commandLine: .init(socket: socket, stateDir: stateDir, configFile: config, logLevel: logLevel),
                environment: ProcessInfo.processInfo.environment)
        } catch {
            fail("configuration error: \(error)", .config)
        }

        let logLevel = settings.logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = logLevel
            return handler
        }
        let logger = Logger(label: "kaderd")

        do {
            try FileSystem.makeDirectory(settings.stateDir)
        } catch {
            fail("cannot use the state folder: \(error)", error.isPermissionProblem ? .noPermission : .config)
        }

        let service: WorkflowService
        do {
            service = try Self.workflowService(settings: settings, logger: logger)
        } catch {
            fail("\(error)", .config)
        }
        let scheduler = Scheduler(service: service, clock: SystemWallClock(), logger: logger)
        do {
            try await scheduler.catchUp()
        } catch {
            fail("cannot catch up after downtime: \(error)", .software)
        }
        let daemon = DaemonMethods(settings: settings, service: service, scheduler: scheduler)
        let dispatcher = RPCDispatcher(methods: daemon.methods + DomainMethods(service: service).methods)
        let server = RPCServer(
            configuration: .init(endpoint: .path(settings.socket)),
            dispatcher: dispatcher,
            logger: logger,
            onListening: {
                logger.notice(
                    "kaderd \(KaderVersion.current) ready",
                    metadata: ["socket": "\(settings.socket)", "state_dir": "\(settings.stateDir)"])
            })

        var groupConfiguration = ServiceGroupConfiguration(
            services: [
                .init(service: server, successTerminationBehavior: .gracefullyShutdownGroup),
                .init(service: SchedulerService(scheduler: scheduler)),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = Self.gracefulShutdownLimit
        do {
            try await ServiceGroup(configuration: groupConfiguration).run()
        } catch let error as SocketFileError {
            fail("\(error)", error.isPermissionProblem ? .noPermission : .unavailable)
        }
        logger.notice("kaderd stopped")
    }

    /// Opens the store in the state folder and loads the programs. A database that cannot
    /// be used stops start-up: serving without it would lose every change.
    static func workflowService(settings: DaemonSettings, logger: Logger) throws(StoreError) -> WorkflowService {
        let store = try KaderStore(path: settings.stateDir + "/kaderd.sqlite", durability: settings.durability)
        let catalog = ProgramCatalog.load(folders: settings.programDirs)
        for refusal in catalog.refusals {
            logger.warning("program file refused", metadata: ["file": "\(refusal.file)", "problems": "\(refusal)"])
        }
        return WorkflowService(store: store, directory: .shared, catalog: catalog, clock: SystemWallClock())
    }

    private func fail(_ message: String, _ status: ExitStatus) -> Never {
        FileHandle.standardError.write(Data("kaderd: \(message)\n".utf8))
        Foundation.exit(status.rawValue)
    }
}
