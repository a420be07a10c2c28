import ArgumentParser
// Not all of Foundation: it would link ICU into kaderctl and slow every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import KaderClient
import KaderRPC

/// `kaderctl backup FILE`: a consistent copy of kaderd's store, taken while it serves, brought
/// out through the socket, so the admin needs no access to the state folder.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy kaderd's store, while it serves, into FILE.",
        discussion: """
            The daemon copies its SQLite store with SQLite's online backup (writes go on meanwhile; every \
            write acknowledged before the backup began is in the copy), checks it, and hands it out \
            through the socket; FILE is written whole or not at all, mode 0600 (it holds every \
            cadre's personal data), once its length and SHA-256 match kaderd's, and kaderd then \
            removes its own copy. Needs the admin group. Waits as long as the copy takes: --timeout \
            does not apply. Put it back with kaderd --restore FILE while kaderd is stopped. A \
            PostgreSQL store is refused (exit 69): back it up with pg_dump -Fc.
            With --json: {"file", "name", "size", "sha256", "created_at", "schema"}.
            Example:
              kaderctl backup /srv/backup/kaderd-$(date +%F).sqlite

            """ + GlobalOptions.helpNote
    )

    @ParentCommand var kaderctl: Kaderctl

    @Argument(help: ArgumentHelp("Where to write the copy; a file there is replaced.", valueName: "FILE"))
    var file: String

    func run() throws {
        let global = kaderctl.global
        let output: BackupFile
        do {
            output = try BackupFile(path: file)
        } catch {
            throw CommandFailure(kind: nil, message: "cannot write \(file): \(error)").report()
        }
        var writeFailure: AtomicFile.Failure?
        let made = try global.withConnection(waitingForever: true) { connection throws(ClientError) in
            Output.progress("kaderd is copying its store…")
            let made = try connection.fetch(.daemonBackup, EmptyParams(), as: DaemonBackupResult.self)
            let progress = TransferProgress(total: made.value.size, file: file)
            var offset = 0
            while true {
                let chunk = try connection.fetch(
                    .daemonBackupRead, DaemonBackupReadParams(name: made.value.name, offset: offset),
                    as: DaemonBackupChunk.self
                ).value
                guard let bytes = Data(base64Encoded: chunk.data) else {
                    throw .malformedReply(socket: connection.socketPath, detail: "a piece of the backup is not base64")
                }
                do throws(AtomicFile.Failure) {
                    try output.append(Array(bytes))
                    offset += bytes.count
                    progress.show(offset)
                    if chunk.end { try output.commit(size: made.value.size, sha256: made.value.sha256) }
                } catch {
                    writeFailure = error
                }
                if chunk.end || writeFailure != nil { break }
                if bytes.isEmpty {
                    throw .malformedReply(socket: connection.socketPath, detail: "kaderd sent an empty piece before the end")
                }
            }
            progress.finish()
            _ = try connection.fetch(
                .daemonBackupRemove, DaemonBackupRemoveParams(name: made.value.name), as: DaemonBackupRemoved.self)
            return made
        }
        if let writeFailure {
            throw CommandFailure(kind: nil, message: "cannot write \(file): \(writeFailure)", exit: .software).report()
        }
        if global.json {
            guard case .object(var fields) = made.raw else { return Output.json(made.raw) }
            fields["file"] = .string(file)
            return Output.json(.object(fields))
        }
        let result = made.value
        Output.print("backed up kaderd's store into \(file)")
        Output.print(
            Output.facts([
                ("size", "\(result.size) bytes (\(TransferProgress.mebibytes(result.size)) MiB)"),
                ("sha256", result.sha256),
                ("schema", result.schema),
                ("taken at", MachineTime.display(result.createdAt)),
                ("restore", "kaderd --restore \(file) (with kaderd stopped)"),
            ]))
    }
}

/// How much of the backup has arrived, redrawn on one line of a terminal only.
final class TransferProgress {
    let total: Int
    let file: String
    private var shown = false

    init(total: Int, file: String) {
        self.total = total
        self.file = file
    }

    func show(_ received: Int) {
        guard Output.stderrIsTerminal else { return }
        let percent = total == 0 ? 100 : received * 100 / total
        StandardStream.error.write(
            "\rkaderctl: receiving \(file): \(percent)% (\(Self.mebibytes(received)) of \(Self.mebibytes(total)) MiB)\u{1B}[K")
        shown = true
    }

    func finish() {
        if shown { StandardStream.error.write("\n") }
    }

    /// One decimal, without Foundation's formatting: 1.4.
    static func mebibytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return "\(tenths / 10).\(tenths % 10)"
    }
}
