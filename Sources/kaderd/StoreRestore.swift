import Foundation
import KaderRPC
import KaderSQLite

/// `kaderd --restore FILE`: a backup (`kaderctl backup FILE`) put in place of the stopped
/// daemon's SQLite store, once checked. The store it replaces is renamed, never deleted,
/// with its -wal and -shm, so that a wrong restore can be undone by renaming it back.
///
/// The file is copied into the state folder first and checked there (the state folder's
/// own file system, so the last step is one rename): a copy that fails its check leaves
/// the state folder as it was.
enum StoreRestore {
    static let storeName = "kaderd.sqlite"
    /// The sidecars SQLite keeps beside a database, which belong to it alone: a -wal left
    /// beside another file would be applied to it.
    static let sidecars = ["-wal", "-shm", "-journal"]

    static func run(file: String, settings: DaemonSettings) -> Never {
        guard settings.store == .sqlite else {
            fail(
                "--restore puts back a SQLite store, and this configuration's store is PostgreSQL "
                    + "(\(settings.postgresql)): restore that with pg_restore (README: Backup and restore)", .usage)
        }
        do {
            try SQLiteStoreFile.checkHeader(path: file)
        } catch {
            fail("--restore: \(error); nothing was changed", status(of: error))
        }
        let stateDir = settings.stateDir
        do {
            try FileSystem.makeDirectory(stateDir)
        } catch {
            fail("cannot use the state folder: \(error)", error.isPermissionProblem ? .noPermission : .config)
        }
        // No kaderd may use the store while it is swapped.
        let lock: StateLock
        do {
            lock = try StateLock(stateDir: stateDir)
        } catch {
            fail("\(error); stop it before restoring (systemctl stop kaderd kaderd.socket)", error.exitStatus)
        }
        let store = stateDir + "/" + storeName
        let incoming = store + ".restoring"
        removeWithSidecars(incoming)
        let checked: SQLiteStoreFile
        do {
            try FileSystem.copy(file, to: incoming)
            // A store copied by hand while its kaderd was stopped may keep commits in its -wal.
            if FileSystem.exists(file + "-wal") { try FileSystem.copy(file + "-wal", to: incoming + "-wal") }
            checked = try SQLiteStoreFile.check(path: incoming)
            try SQLiteStoreFile.makeSelfContained(path: incoming)
            for sidecar in sidecars { unlink(incoming + sidecar) }
            try FileSystem.syncFile(incoming)
        } catch let error as SQLiteStoreFileProblem {
            removeWithSidecars(incoming)
            fail("--restore: \(error.naming(incoming, as: file)); nothing was changed", status(of: error))
        } catch let error as FileSystemError {
            removeWithSidecars(incoming)
            fail("--restore: cannot copy \(file) into \(stateDir): \(error); nothing was changed", error.isPermissionProblem ? .noPermission : .dataError)
        } catch {
            removeWithSidecars(incoming)
            fail("--restore: \(error); nothing was changed", .software)
        }

        var keptAside: String?
        do {
            // The sidecars go too, even without the store: a -wal left beside the copy
            // would be applied to it.
            let aside = store + ".before-restore-" + BackupFolder.stamp(Date())
            for sidecar in sidecars where FileSystem.exists(store + sidecar) {
                try FileSystem.rename(store + sidecar, to: aside + sidecar)
            }
            if FileSystem.exists(store) {
                try FileSystem.rename(store, to: aside)
                keptAside = aside
            }
            try FileSystem.rename(incoming, to: store)
            try FileSystem.syncFile(stateDir)
            try FileSystem.giveToOwner(of: stateDir, store)
        } catch {
            fail("--restore: \(error); the state folder \(stateDir) may hold \(incoming): look before starting kaderd", .software)
        }
        withExtendedLifetime(lock) {}

        let schema =
            checked.pendingMigrations == 0
            ? "schema \(checked.schema), this kaderd's"
            : "schema \(checked.schema), older: kaderd brings it to \(SQLiteStoreFile.currentSchema) when it starts"
        print("restored \(file) into \(store)")
        print("  checked     integrity ok, \(schema)")
        func count(_ number: Int, _ one: String, _ many: String) -> String { "\(number) \(number == 1 ? one : many)" }
        print(
            "  holds       \(count(checked.cadres, "cadre", "cadres")), \(count(checked.workflows, "workflow", "workflows")), "
                + "\(count(checked.tasks, "task", "tasks")), \(count(checked.historyEntries, "history entry", "history entries"))")
        print("  kept aside  " + (keptAside.map { "\($0) (the store it replaced)" } ?? "nothing (there was no store)"))
        print("Start kaderd to serve it.")
        Foundation.exit(ExitStatus.ok.rawValue)
    }

    private static func status(of problem: SQLiteStoreFileProblem) -> ExitStatus {
        switch problem {
        case .missing: .notFound
        case .notSQLite, .damaged, .notAStore, .newer: .dataError
        case .unreadable: .notFound  // EX_NOINPUT: missing or not readable
        }
    }

    private static func removeWithSidecars(_ path: String) {
        for suffix in [""] + sidecars { unlink(path + suffix) }
    }

    private static func fail(_ message: String, _ status: ExitStatus) -> Never {
        FileHandle.standardError.write(Data("kaderd: \(message)\n".utf8))
        Foundation.exit(status.rawValue)
    }
}

extension SQLiteStoreFileProblem {
    /// The problem with the file the person named, not the copy that was checked.
    fileprivate func naming(_ copy: String, as original: String) -> String {
        description.replacingOccurrences(of: copy, with: original)
    }
}
