import Foundation

/// A throw-away PostgreSQL cluster in a temporary folder: Debian's server binaries, listening
/// on a Unix socket in that folder only (no TCP), trusting local connections, stopped and
/// removed when the value goes away. As root, the cluster is run by the `postgres` user,
/// since PostgreSQL refuses to run as root.
public final class PostgresServer: Sendable {
    public let directory: TemporaryDirectory
    /// The folder holding the socket, as libpq's `host=` names it.
    public let socketFolder: String
    public let port = 5432
    /// The user every test connects as: the cluster's owner.
    public let user: String
    private let binaries: String
    private let runAs: [String]

    /// The socket file itself, as postgres-nio's Unix-socket configuration names it.
    public var socketPath: String { "\(socketFolder)/.s.PGSQL.\(port)" }

    /// Creates and starts the cluster; throws with initdb's or pg_ctl's own words.
    public init() throws {
        guard let binaries = Self.serverBinaries() else {
            throw Failure("no PostgreSQL server under /usr/lib/postgresql (scripts/install-deps installs it)")
        }
        self.binaries = binaries
        directory = TemporaryDirectory()
        socketFolder = directory.path
        let asRoot = getuid() == 0
        user = asRoot ? "postgres" : (ProcessInfo.processInfo.environment["USER"] ?? "postgres")
        runAs = asRoot ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : []
        if asRoot {
            // The cluster's owner must reach its folder, which mkdtemp made root's alone.
            _ = chmod(directory.path, 0o755)
            guard let owner = getpwnam("postgres") else { throw Failure("there is no postgres user to run the cluster") }
            _ = chown(directory.path, owner.pointee.pw_uid, owner.pointee.pw_gid)
        }
        try run(
            "initdb", "-D", data, "-U", user, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
        // fsync off: a test never pulls the power from under the cluster, only from kaderd.
        try run(
            "pg_ctl", "-D", data, "-l", directory.file("server.log"), "-w", "-t", "60", "-o",
            "-c listen_addresses='' -k \(socketFolder) -p \(port) -c fsync=off -c max_connections=1000",
            "start")
    }

    deinit {
        stop()
    }

    /// Stops the cluster at once (nothing of it is kept).
    public func stop() {
        _ = try? run("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
    }

    /// Restarts the cluster in immediate mode, as a crash would: every connection is cut
    /// and the server recovers from its log.
    public func crashAndRestart() throws {
        try run("pg_ctl", "-D", data, "-l", directory.file("server.log"), "-m", "immediate", "-w", "-t", "60", "restart")
    }

    /// A libpq URL of `database` on this cluster, as kaderd.toml's `postgresql` takes it.
    public func url(_ database: String) -> String {
        "postgresql:///\(database)?host=\(socketFolder)&port=\(port)&user=\(user)"
    }

    /// A new database on the cluster: empty, or a copy of `template`, which nothing may be
    /// connected to.
    public func createDatabase(_ name: String, template: String = "template1") throws {
        try run("createdb", "-h", socketFolder, "-p", "\(port)", "-U", user, "-T", template, name)
    }

    /// Runs SQL with psql as the cluster's owner and returns what it printed, unaligned.
    @discardableResult
    public func psql(_ database: String, _ sql: String) throws -> String {
        try run("psql", "-h", socketFolder, "-p", "\(port)", "-U", user, "-d", database, "-At", "-v", "ON_ERROR_STOP=1", "-c", sql)
    }

    private var data: String { directory.file("data") }

    @discardableResult
    private func run(_ program: String, _ arguments: String...) throws -> String {
        let command = runAs + [binaries + "/" + program] + arguments
        let result = try runBlocking(command[0], Array(command.dropFirst()))
        guard result.status == 0 else {
            throw Failure("\(program) failed (\(result.status)): \(result.stderr)\(result.stdout)")
        }
        return result.stdout
    }

    /// The newest server's binaries Debian installed.
    private static func serverBinaries() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions.compactMap(Int.init).sorted().last.map { "\(root)/\($0)/bin" }
            .flatMap { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") ? $0 : nil }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
