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

    /// The name this kaderd goes by among those sharing a database when kaderd.toml gives
    /// none: the host's name, which differs between the machines of a cluster.
    static var defaultNodeName: String {
        let name = ProcessInfo.processInfo.hostName
        return isNodeName(name) ? name : "kaderd"
    }

    /// Letters, digits, '.', '-' and '_', as host names are, at most 63.
    static func isNodeName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 63 else { return false }
        func allowed(_ c: Unicode.Scalar) -> Bool { c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c)) }
        return allowed(first) && name.unicodeScalars.allSatisfy { allowed($0) || ".-_".unicodeScalars.contains($0) }
    }

    /// Who libpq would connect as: the user this process runs as.
    static var processUser: String {
        getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) } ?? "kaderd"
    }
}
