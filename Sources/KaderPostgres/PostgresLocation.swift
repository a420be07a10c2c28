import Foundation

/// Where a PostgreSQL store lives, from a libpq-style URL (`store = "postgresql"`,
/// `postgresql = "postgresql:///kaderd?host=/run/postgresql"`): a Unix socket's folder or a
/// host and port, the user and the database. A password is never part of it: it comes from
/// a file or a systemd credential, so that neither the config nor the log ever holds it.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    public enum Endpoint: Sendable, Hashable {
        /// The folder holding the server's socket (`/run/postgresql`), as libpq's `host=/…`.
        case socketFolder(String)
        case host(String)
    }

    public var endpoint: Endpoint
    public var port: Int
    public var user: String
    public var database: String

    /// Debian's socket folder: a local server needs no host at all.
    public static let defaultSocketFolder = "/run/postgresql"

    /// Reads `url`; `defaultUser` is who connects when the URL names no one (libpq takes the
    /// system user: `kaderd` under the shipped unit).
    public init(url text: String, defaultUser: String) throws(Problem) {
        guard let url = URLComponents(string: text), let scheme = url.scheme,
            ["postgresql", "postgres"].contains(scheme.lowercased())
        else {
            throw Problem("'\(text)' is not a postgresql:// URL (e.g. postgresql:///kaderd?host=/run/postgresql)")
        }
        if url.password != nil {
            throw Problem(
                "the URL holds a password; put it in the file named by postgresql_password_file, "
                    + "or in the systemd credential postgresql-password, never in the config")
        }
        let query = Dictionary((url.queryItems ?? []).map { ($0.name, $0.value ?? "") }) { _, last in last }
        for name in query.keys where !["host", "port", "user", "dbname"].contains(name) {
            throw Problem("the URL's parameter '\(name)' is not one kaderd reads (host, port, user, dbname)")
        }
        let host = query["host"] ?? url.host.flatMap { $0.isEmpty ? nil : $0 }
        endpoint = host.map { $0.hasPrefix("/") ? .socketFolder($0) : .host($0) } ?? .socketFolder(Self.defaultSocketFolder)
        let portText = query["port"] ?? url.port.map(String.init)
        guard let port = portText.map({ Int($0) }) ?? 5432, (1...65535).contains(port) else {
            throw Problem("the URL's port '\(portText ?? "")' is not a port number")
        }
        self.port = port
        user = query["user"] ?? url.user ?? defaultUser
        let path = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        database = query["dbname"] ?? (path.isEmpty ? user : path)
    }

    /// The URL again, without anything secret: what the log and `daemon.status` show.
    public var description: String {
        switch endpoint {
        case .socketFolder(let folder): "postgresql://\(user)@/\(database)?host=\(folder)&port=\(port)"
        case .host(let host): "postgresql://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
        }
    }

    /// The socket file itself, for a server on a Unix socket.
    public var socketPath: String? {
        guard case .socketFolder(let folder) = endpoint else { return nil }
        return "\(folder)/.s.PGSQL.\(port)"
    }

    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
