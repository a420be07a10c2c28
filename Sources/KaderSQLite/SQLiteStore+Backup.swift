import GRDB
import KaderStore

extension SQLiteStore {
    /// Copies the store as of now into a new file at `path`, while writes go on, and checks
    /// the copy. SQLite's online backup copies every page in one step inside one read
    /// transaction: a snapshot, which in WAL mode holds up no writer, of every commit made
    /// before the call. The copy is one self-contained file (rollback-journal mode).
    public func backup(to path: String) async throws -> SQLiteStoreFile {
        do {
            let destination = try DatabaseQueue(path: path)
            try await pool.read { source in
                try destination.writeWithoutTransaction { target in try source.backup(to: target) }
            }
            try destination.close()
        } catch let error as DatabaseError {
            throw StoreError.writeFailed(reason: "the backup \(path): \(error.message ?? "\(error.resultCode)")")
        }
        try SQLiteStoreFile.makeSelfContained(path: path)
        return try SQLiteStoreFile.check(path: path)
    }
}
