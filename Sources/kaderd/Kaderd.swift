import ArgumentParser
import Foundation
import KaderAPI
import KaderCore
import KaderEngine
import KaderRPC
import KaderPostgres
import KaderSQLite
import KaderStore
import KaderSystemd
import KaderServer
import Logging
import ServiceLifecycle

@main
struct Kaderd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kaderd",
        abstract: "The kaderd daemon: cadre-development workflows of Indonesian villages, as scheduled tasks.",
        discussion: """
            Runs in the foreground and serves JSON-RPC 2.0 on a Unix socket; talk to it with kaderctl. \
            Stops gracefully on SIGTERM or SIGINT: requests already received are answered, the socket \
            file is removed, and the exit status is 0. SIGHUP re-reads the config file.

            Settings come from (strongest first) these options, the environment (KADERD_SOCKET), the \
            config file (\(DaemonSettings.defaultConfigFile), optional) and the defaults.

            Each plugin runs in a helper process of its own, this program started again with \
            --plugin-host FILE (not for use by hand).

            With --restore FILE it puts back a backup that kaderctl backup FILE wrote: it checks the file, \
            keeps the store it replaces aside (kaderd.sqlite.before-restore-TIME) and exits; start kaderd then.

            Exit status: 0 ok, 64 usage, 65 plugin refused (--check-plugin) or backup refused (--restore: \
            not SQLite, damaged, not a kaderd store, from a newer kaderd), 66 backup file missing or \
            unreadable, 69 socket unavailable, 70 internal error, 75 state folder in use by another kaderd, \
            77 permission denied, 78 configuration error.
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

    @Option(name: .long, help: ArgumentHelp("Check a plugin file as the daemon would load it, then exit (0 loadable, 65 refused).", valueName: "FILE"))
    var checkPlugin: String?

    @Flag(name: .long, help: "Copy a whole store into an empty PostgreSQL database (--from, --to), then exit. Stop kaderd first.")
    var migrateStore = false

    @Option(name: .long, help: ArgumentHelp("The store to copy: sqlite:PATH (with --migrate-store).", valueName: "sqlite:PATH"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Where to copy it: postgresql:URL (with --migrate-store); the password as postgresql_password_file says.", valueName: "postgresql:URL"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("The PostgreSQL password's file (with --migrate-store; else $CREDENTIALS_DIRECTORY/postgresql-password).", valueName: "FILE"))
    var postgresqlPasswordFile: String?

    @Option(name: .long, help: ArgumentHelp("Put a backup (kaderctl backup FILE) in place of the SQLite store, once checked, then exit. Stop kaderd first; the store it replaces is kept aside.", valueName: "FILE"))
    var restore: String?

    /// Plugin-host mode: kaderd starts itself this way as each plugin's helper process.
    @Option(name: .long, help: .private)
    var pluginHost: String?

    @Option(name: .long, help: .private)
    var pluginMemoryLimitMib: Int?

    /// kaderd.toml(5) in roff, for `make manuals`.
    @Flag(name: .long, help: .private)
    var printConfigManual = false

    /// Long enough for any request in flight to finish, short enough that a stuck client
    /// cannot hold up a stop; systemd's own stop timeout is far longer.
    static let gracefulShutdownLimit = Duration.seconds(5)

    /// A plugin helper is told so by its environment (PluginIsolation.hostVariable), looked
    /// at before any argument is read; everything else is the command line's.
    static func main() async {
        let environment = ProcessInfo.processInfo.environment
        if let plugin = environment[PluginIsolation.hostVariable] {
            PluginHelper.serve(
                plugin: plugin, memoryLimitMiB: environment[PluginIsolation.memoryLimitVariable].flatMap { Int($0) },
                maximumReplyBytes: PluginIsolation.defaultMaximumReplyBytes)
        }
        await main(nil)
    }

    func run() async throws {
        if printConfigManual {
            print(ConfigManual.page, terminator: "")
            return
        }
        if let pluginHost {
            PluginHelper.serve(
                plugin: pluginHost, memoryLimitMiB: pluginMemoryLimitMib,
                maximumReplyBytes: PluginIsolation.defaultMaximumReplyBytes)
        }
        SQLiteStore.configureSQLiteForThisProcess()
        if let checkPlugin { Self.check(plugin: checkPlugin) }
        if migrateStore {
            guard let from, let to else { fail("--migrate-store needs --from sqlite:PATH and --to postgresql:URL", .usage) }
            await StoreMove.run(
                from: from, to: to, passwordFile: postgresqlPasswordFile, environment: ProcessInfo.processInfo.environment)
        }
        let settings: DaemonSettings
        let commandLine = DaemonSettings.CommandLine(
            socket: socket, stateDir: stateDir, configFile: config, logLevel: logLevel)
        let environment = ProcessInfo.processInfo.environment
        do {
            settings = try DaemonSettings.load(commandLine: commandLine, environment: environment)
        } catch {
            fail("configuration error: \(error)", .config)
        }
        if let restore { StoreRestore.run(file: restore, settings: settings) }
        let metrics = Self.bootstrapMetrics(environment: environment)

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
        // Before the store is opened: a second daemon on this folder must not touch it.
        let stateLock: StateLock
        do {
            stateLock = try StateLock(stateDir: settings.stateDir)
        } catch {
            fail("\(error)", error.exitStatus)
        }
        let backups = BackupFolder(stateDir: settings.stateDir)
        backups.removeLeftovers(logger: logger)

        let service: WorkflowService
        let leadership: Leadership?
        do {
            (service, leadership) = try await Self.workflowService(
                settings: settings, environment: environment, logger: logger, notifier: systemd.notifier)
        } catch StoreError.unreachable(let reason) {
            // Not a configuration error: the server may be starting. systemd restarts on this status.
            fail("cannot open the store: \(StoreError.unreachable(reason: reason))", .unavailable)
        } catch {
            fail("\(error)", .config)
        }
        let blackouts = BlackoutSources()
        Self.usePlugins(settings, service: service, blackouts: blackouts, reviewingTasks: false, logger: logger)
        HolidayCoverage.warnIfRunningOut(logger: logger)
        systemd.reloader.whenAccepted(reporting: { fresh in
            service.catalog = Self.loadPrograms(folders: fresh.programDirs, logger: logger)
            let findings = Self.usePlugins(fresh, service: service, blackouts: blackouts, reviewingTasks: true, logger: logger)
            HolidayCoverage.warnIfRunningOut(logger: logger)
            return findings
        })
        // On a store several kaderd share: one heartbeat before serving, so that this node's
        // role and the database's clock are known from its first call on.
        await leadership?.beat()
        let scheduler = Scheduler(
            service: service, clock: SystemWallClock(), configuration: systemd.schedulerConfiguration,
            leadership: leadership, logger: logger, onTick: { _ in systemd.workLoopPassed(service.summary) })
        do {
            try await scheduler.catchUp()
        } catch {
            fail("cannot catch up after downtime: \(error)", .software)
        }
        let daemon = DaemonMethods(
            settings: settings, systemd: systemd, service: service, scheduler: scheduler, leadership: leadership,
            metrics: metrics)
        let access = Self.accessControl(settings: settings, service: service, logger: logger)
        systemd.reloader.whenAccepted { fresh in Self.apply(fresh.accessPolicy, to: access, logger: logger) }
        let domain = DomainMethods(service: service, blackoutFiles: { blackouts.current })
        let dispatcher = RPCDispatcher(
            methods: daemon.methods + BackupMethods(service: service, folder: backups).methods + domain.methods,
            access: access, translatingErrors: ErrorMapping.rpcError(for:), ledger: domain.ledger)
        DescriptorLimit.raise(toServe: settings.limits.maxConnections, logger: logger)
        let servers = systemd.makeServers(dispatcher: dispatcher, settings: settings)

        var groupConfiguration = ServiceGroupConfiguration(
            services: servers.map { .init(service: $0, successTerminationBehavior: .gracefullyShutdownGroup) }
                + [.init(service: SchedulerService(scheduler: scheduler))]
                + (leadership.map { [.init(service: LeadershipService(leadership: $0))] } ?? [])
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
        withExtendedLifetime(stateLock) {}  // held until the process ends
    }

    /// Opens the store (the SQLite file in the state folder, or the PostgreSQL database) and
    /// loads the programs. A database that cannot be used stops start-up: serving without it
    /// would lose every change. On a store several kaderd share, the node's leadership comes
    /// with it, and the service keeps the database's time.
    static func workflowService(
        settings: DaemonSettings, environment: [String: String], logger: Logger, notifier: SystemdNotifier
    ) async throws -> (WorkflowService, Leadership?) {
        let store: any Store
        switch settings.store {
        case .sqlite:
            let notice = MigrationNotice(notifier: notifier, logger: logger)
            defer { notice.finished() }
            store = try SQLiteStore(
                path: settings.stateDir + "/kaderd.sqlite", durability: settings.durability, migrating: notice.starting)
        case .postgresql:
            let password = try PostgresPassword.read(file: settings.postgresqlPasswordFile, environment: environment)
            store = try await PostgresStore(
                settings.postgresql, password: password, durability: settings.durability, node: settings.nodeName,
                version: KaderVersion.current, logger: logger)
        }
        logger.info("store opened", metadata: ["store": "\(store.location)"])
        let catalog = loadPrograms(folders: settings.programDirs, logger: logger)
        let leadership = store.membership.map {
            Leadership(membership: $0, lease: .milliseconds(Int(settings.leaderLeaseSeconds * 1000)), logger: logger)
        }
        let clock: any WallClock = leadership.map(DatabaseWallClock.init(leadership:)) ?? SystemWallClock()
        return (WorkflowService(store: store, directory: .shared, catalog: catalog, clock: clock), leadership)
    }

    /// Loads one plugin file with the daemon's checks, in a helper as the daemon would,
    /// and says what it is, or why not.
    static func check(plugin path: String) -> Never {
        let quiet = Logger(label: "kaderd", factory: { _ in SwiftLogNoOpLogHandler() })
        switch PluginLoader.load(path: path, isolation: PluginIsolation(), logger: quiet) {
        case .success(let plugin):
            print("\(path): loadable: \(plugin.name) \(plugin.version), plugin ABI \(KaderPluginABIVersion.current)")
            print("  provinces: \(plugin.provinces.map(\.description).joined(separator: ", "))")
            print("  hooks:     \(plugin.hooks.joined(separator: ", "))")
            Foundation.exit(ExitStatus.ok.rawValue)
        case .failure(let record):
            FileHandle.standardError.write(Data("kaderd: \(path): refused: \(record.reason ?? "unknown reason")\n".utf8))
            Foundation.exit(ExitStatus.dataError.rawValue)
        }
    }

    /// Loads the plugins of `settings.pluginDirs` (a file already loaded stays; a changed one
    /// is loaded anew), the blackouts they add around this year, and the blackout files of
    /// `settings.blackoutDirs` over those; on a reload (`reviewingTasks`), counts the planned
    /// tasks the new blackouts fall on.
    @discardableResult
    static func usePlugins(
        _ settings: DaemonSettings, service: WorkflowService, blackouts: BlackoutSources, reviewingTasks: Bool,
        logger: Logger
    ) -> ReloadFindings {
        let plugins = PluginHost.load(folders: settings.pluginDirs, isolation: settings.pluginIsolation, logger: logger)
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        let findings = blackouts.use(
            plugins.blackouts(adding: .national, years: (year - 1)...(year + 5)), folders: settings.blackoutDirs,
            service: service, reviewingTasks: reviewingTasks, logger: logger)
        service.plugins = plugins
        return findings
    }

    /// The built-in programs and those in `folders`; refused files are logged and listed.
    static func loadPrograms(folders: [String], logger: Logger) -> ProgramCatalog {
        let catalog = ProgramCatalog.load(folders: folders)
        for refusal in catalog.refusals {
            logger.warning("program file refused", metadata: ["file": "\(refusal.file)", "problems": "\(refusal)"])
        }
        return catalog
    }

    private func fail(_ message: String, _ status: ExitStatus) -> Never {
        FileHandle.standardError.write(Data("kaderd: \(message)\n".utf8))
        Foundation.exit(status.rawValue)
    }
}
