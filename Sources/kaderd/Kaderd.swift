import ArgumentParser
import Foundation
import KaderRPC
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
            file is removed, and the exit status is 0. SIGHUP re-reads the config file.

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
        let commandLine = DaemonSettings.CommandLine(
            socket: socket, stateDir: stateDir, configFile: config, logLevel: logLevel)
        let environment = ProcessInfo.processInfo.environment
        do {
            settings = try DaemonSettings.load(commandLine: commandLine, environment: environment)
        } catch {
            fail("configuration error: \(error)", .config)
        }

        let systemd: SystemdIntegration
        do {
            systemd = try SystemdIntegration(settings: settings, commandLine: commandLine, environment: environment)
        } catch {
            fail("\(error)", .config)
        }
        let logger = systemd.logger

        do {
            try FileSystem.makeDirectory(settings.stateDir)
        } catch {
            fail("cannot use the state folder: \(error)", error.isPermissionProblem ? .noPermission : .config)
        }

        let daemon = DaemonMethods(settings: settings, systemd: systemd)
        let dispatcher = RPCDispatcher(methods: daemon.methods)
        let servers = systemd.makeServers(dispatcher: dispatcher)

        var groupConfiguration = ServiceGroupConfiguration(
            services: servers.map { .init(service: $0, successTerminationBehavior: .gracefullyShutdownGroup) }
                + systemd.services,
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

    private func fail(_ message: String, _ status: ExitStatus) -> Never {
        FileHandle.standardError.write(Data("kaderd: \(message)\n".utf8))
        Foundation.exit(status.rawValue)
    }
}
