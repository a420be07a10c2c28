import Foundation
import KaderPostgres

/// The database that holds the store (`store` in kaderd.toml).
enum StoreBackend: String, CaseIterable, Equatable {
    /// `kaderd.sqlite` in the state folder: one machine's, and the default.
    case sqlite
    /// A PostgreSQL database (`postgresql`), which several kaderd may share.
    case postgresql

    /// Where a PostgreSQL store is when kaderd.toml names none: the database `kaderd` on the
    /// local server's socket, as the user kaderd runs as.
    static var defaultPostgresql: PostgresLocation {
        // A constant URL that parses: the force is checked by the config tests.
        try! PostgresLocation(url: "postgresql:///kaderd", defaultUser: processUser)
    }

    /// Who libpq would connect as: the user this process runs as.
    static var processUser: String {
        getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) } ?? "kaderd"
    }
}
