import PostgresNIO

extension PostgresLocation {
    /// What postgres-nio's client needs to reach this database. TCP is not encrypted yet
    /// (README): a server on its Unix socket, or on a private network.
    public func clientConfiguration(password: String?) -> PostgresClient.Configuration {
        switch endpoint {
        case .socketFolder:
            PostgresClient.Configuration(unixSocketPath: socketPath!, username: user, password: password, database: database)
        case .host(let host):
            PostgresClient.Configuration(
                host: host, port: port, username: user, password: password, database: database, tls: .disable)
        }
    }
}
