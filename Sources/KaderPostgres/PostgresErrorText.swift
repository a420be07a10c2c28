import KaderStore
import PostgresNIO

/// A PostgreSQL error in words a sysadmin can act on: the server's own message when there
/// is one (postgres-nio's description hides it, lest it leak data into logs).
public enum PostgresErrorText {
    public static func of(_ error: any Error) -> String {
        if let failed = error as? PostgresTransactionError,
            let cause = failed.closureError ?? failed.commitError ?? failed.beginError
        {
            return of(cause)
        }
        if let error = error as? StoreError { return "\(error)" }
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] {
            return message + (error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? "")
        }
        return "\(error.code)"
    }
}
