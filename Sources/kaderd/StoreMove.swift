import Foundation
import KaderPostgres
import KaderRPC
import KaderSQLite
import KaderStore
import Logging
import PostgresNIO
import Synchronization

/// `kaderd --migrate-store --from sqlite:PATH --to postgresql:URL`: a whole SQLite store
/// copied into an empty PostgreSQL database, all or nothing, with its progress, and the
/// rows of each table counted on both sides at the end.
enum StoreMove {
    static func run(from: String, to: String, passwordFile: String?, environment: [String: String]) async -> Never {
        guard from.hasPrefix("sqlite:") else { fail("--from must be sqlite:PATH, not '\(from)'", .usage) }
        let path = String(from.dropFirst("sqlite:".count))
        let url = to.hasPrefix("postgresql:postgres") ? String(to.dropFirst("postgresql:".count)) : to
        let location: PostgresLocation
        let password: String?
        do {
            location = try PostgresLocation(url: url, defaultUser: StoreBackend.processUser)
            password = try PostgresPassword.read(file: passwordFile, environment: environment)
        } catch {
            fail("--to: \(error)", .usage)
        }
        guard FileManager.default.fileExists(atPath: path) else { fail("--from: there is no file \(path)", .notFound) }
        // No kaderd may change the file while it is read.
        let lock: StateLock
        do {
            lock = try StateLock(stateDir: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        } catch {
            fail("\(error); stop it before moving its store", error.exitStatus)
        }
        let started = ContinuousClock.now
        let logger = Logger(label: "kaderd", factory: { _ in SwiftLogNoOpLogHandler() })
        do {
            let source = try SQLiteExport(path: path)
            var totals: [String: Int] = [:]
            for (table, _) in PostgresImport.tables { totals[table] = try source.count(table) }
            let client = PostgresClient(configuration: location.clientConfiguration(password: password), backgroundLogger: logger)
            let running = Task { await client.run() }
            defer { running.cancel() }
            let bar = ProgressLine(totals: totals)
            try await PostgresImport.run(
                into: client, location: location,
                source: { table, columns, batch in
                    try await source.rows(of: table, columns: columns) { rows in
                        try await batch(rows)
                    }
                },
                logger: logger, progress: bar.show)

            let copied = try await PostgresImport.counts(client, logger: logger)
            print("table".padding(toLength: 24, withPad: " ", startingAt: 0) + "sqlite".leftPadded(12) + "postgresql".leftPadded(12))
            for (table, _) in PostgresImport.tables {
                let (before, after) = (totals[table] ?? 0, copied[table] ?? 0)
                print(
                    table.padding(toLength: 24, withPad: " ", startingAt: 0) + "\(before)".leftPadded(12)
                        + "\(after)".leftPadded(12) + (before == after ? "" : "  DIFFERENT"))
            }
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            let elapsed = (ContinuousClock.now - started).components
            let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
            print("moved \(path) to \(location) in \(String(format: "%.1f", seconds)) s, peak memory \(usage.ru_maxrss / 1024) MiB")
            withExtendedLifetime(lock) {}
            guard copied == totals else { fail("the counts differ: the move is not complete", .software) }
            Foundation.exit(ExitStatus.ok.rawValue)
        } catch let error as PostgresImport.NotEmpty {
            fail("\(error); nothing was copied", .dataError)
        } catch let error as StoreError {
            fail("\(error); nothing was copied", .dataError)
        } catch {
            fail("the move failed, nothing was copied: \(PostgresErrorText.of(error))", .unavailable)
        }
    }

    private static func fail(_ message: String, _ status: ExitStatus) -> Never {
        FileHandle.standardError.write(Data("kaderd: \(message)\n".utf8))
        Foundation.exit(status.rawValue)
    }
}

/// One line on stderr that says how far the move is, redrawn as rows go.
final class ProgressLine: Sendable {
    private let totals: [String: Int]
    private let lastShown = Mutex<ContinuousClock.Instant?>(nil)

    init(totals: [String: Int]) {
        self.totals = totals
    }

    /// At most ten times a second, and always at a table's last row.
    func show(table: String, rows: Int) {
        let total = totals[table] ?? 0
        let now = ContinuousClock.now
        let due = lastShown.withLock { last in
            guard rows == total || last.map({ now - $0 > .milliseconds(100) }) ?? true else { return false }
            last = now
            return true
        }
        guard due else { return }
        let percent = total == 0 ? 100 : rows * 100 / total
        let filled = percent / 5
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 20 - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(table): \(rows) of \(total) rows\u{1B}[K".utf8))
        if rows == total { FileHandle.standardError.write(Data("\n".utf8)) }
    }


}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
