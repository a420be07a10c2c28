import Foundation
import KaderCore
import KaderEngine
import KaderRPC
import KaderSQLite
import KaderServer

/// `daemon.backup`, `daemon.backup_read` and `daemon.backup_remove`: a consistent copy of
/// the SQLite store while kaderd serves, handed out through the socket.
struct BackupMethods {
    let service: WorkflowService
    let folder: BackupFolder

    var methods: [RPCMethod] {
        [
            RPCMethod(.daemonBackup) { call in try await backup(by: call.context.peer?.uid) },
            RPCMethod(.daemonBackupRead) { call in
                let params = try call.decodeParams(DaemonBackupReadParams.self)
                let maximum = DaemonBackupReadParams.maximumLength
                guard params.offset >= 0 else {
                    throw RPCError.invalidParams(
                        "offset must be 0 or more", fields: [RPCFieldError(field: "offset", message: "at least 0")])
                }
                guard (1...maximum).contains(params.length ?? maximum) else {
                    throw RPCError.invalidParams(
                        "length must be 1 to \(maximum)", fields: [RPCFieldError(field: "length", message: "1 to \(maximum)")])
                }
                return try folder.read(name: params.name, offset: params.offset, length: params.length ?? maximum)
            },
            RPCMethod(.daemonBackupRemove) { call in
                let params = try call.decodeParams(DaemonBackupRemoveParams.self)
                try folder.remove(name: params.name)
                return DaemonBackupRemoved(removed: params.name)
            },
        ]
    }

    /// Makes the copy and checks it; a copy that fails its check is removed, not handed out.
    /// The history records who took one: it holds every cadre's personal data.
    private func backup(by uid: UInt32?) async throws -> DaemonBackupResult {
        guard let store = service.store as? SQLiteStore else {
            throw RPCError(
                .unavailable,
                "daemon.backup copies a SQLite store; this kaderd's store is PostgreSQL (\(service.store.location)): "
                    + "back it up with pg_dump -Fc, restore it with pg_restore (README: Backup and restore)",
                extra: ["store": "postgresql", "use": "pg_dump"])
        }
        let createdAt = Date()
        let (name, path) = try folder.newFile(at: createdAt)
        let result: DaemonBackupResult
        do {
            let checked = try await store.backup(to: path)
            let (size, sha256) = try BackupFolder.digest(of: path)
            result = DaemonBackupResult(name: name, size: size, sha256: sha256, createdAt: createdAt, schema: checked.schema)
        } catch {
            unlink(path)
            if let error = error as? RPCError { throw error }
            throw RPCError(.internalError, "the backup failed, nothing was kept: \(error)")
        }
        try await service.recordDaemonEvent(
            "backed_up", caller: Caller(uid: uid), detail: ["name": name, "size": "\(result.size)"])
        return result
    }
}
