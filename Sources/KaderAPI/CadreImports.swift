import Foundation
import KaderCore
import KaderRPC
import Synchronization

/// The imports being staged: a sheet too large for one request arrives in chunks, each
/// checked as it comes (`cadre.import_stage`), and is registered in one transaction at the
/// end (`cadre.import_commit`), all or none.
///
/// Kept in memory, not in the store: an import is one client's work of a minute, and one
/// cut short by a restart is sent again from the start, having registered no one. Bounded
/// in number, size and idle time, so a client that never commits holds nothing for long.
final class CadreImports: Sendable {
    /// One import: its owner, and the rows checked so far in order.
    struct Staged {
        let owner: UInt32?
        var drafts: [CadreDraft] = []
        /// Rows received (kept or refused): where the next chunk starts.
        var received = 0
        /// A chunk was refused: the rest are still checked, but the import cannot commit.
        var refused = false
        var touched: ContinuousClock.Instant
    }

    static let maximumOpen = 16
    static let maximumRows = 1_000_000
    static let idleLimit = Duration.seconds(30 * 60)

    private let open = Mutex<[String: Staged]>([:])

    /// Adds a checked chunk to `name` (opened by its first chunk). `problems` are the
    /// chunk's; when there are some, the chunk is not kept and the import is marked refused.
    /// A chunk already received (sent again) changes nothing. Returns the rows kept.
    func stage(
        _ name: String, owner: UInt32?, first: Int, drafts: [CadreDraft], refused problems: Bool
    ) throws(RPCError) -> Int {
        let now = ContinuousClock.now
        return try open.withLock { (open: inout [String: Staged]) throws(RPCError) -> Int in
            open = open.filter { now - $0.value.touched < Self.idleLimit }
            var staged: Staged
            if let existing = open[name] {
                guard existing.owner == owner else { throw Self.notYours(name) }
                staged = existing
            } else {
                guard first == 0 else {
                    throw RPCError(
                        .notFound, "no import \(name) is open (imports are dropped after 30 minutes unused, and at a restart)",
                        fields: [RPCFieldError(field: "import", message: "no such open import; send its rows again from the first")])
                }
                guard open.count < Self.maximumOpen else {
                    throw RPCError(.unavailable, "\(Self.maximumOpen) imports are open already; try again once one ends")
                }
                staged = Staged(owner: owner, touched: now)
            }
            if first < staged.received { return staged.drafts.count }  // sent again
            guard first == staged.received else {
                throw .invalidParams(
                    "the chunk does not follow the rows received",
                    fields: [RPCFieldError(field: "first", message: "is \(first); the next row of \(name) is \(staged.received)")])
            }
            guard staged.received + drafts.count <= Self.maximumRows else {
                throw RPCError(.tooLarge, "an import holds at most \(Self.maximumRows) rows; split the sheet")
            }
            staged.received += drafts.count
            staged.touched = now
            if problems {
                staged.refused = true
                staged.drafts = []
            } else if !staged.refused {
                staged.drafts += drafts
            }
            open[name] = staged
            return staged.drafts.count
        }
    }

    /// Closes `name` and returns its rows, if all `rows` arrived and none was refused.
    func take(_ name: String, owner: UInt32?, rows: Int) throws(RPCError) -> [CadreDraft] {
        try open.withLock { (open: inout [String: Staged]) throws(RPCError) -> [CadreDraft] in
            guard let staged = open[name] else {
                throw RPCError(.notFound, "no import \(name) is open", fields: [RPCFieldError(field: "import", message: "no such open import")])
            }
            guard staged.owner == owner else { throw Self.notYours(name) }
            open[name] = nil
            if staged.refused {
                throw RPCError(.invalid, "rows of \(name) were refused; it is closed and no one was registered")
            }
            guard staged.received == rows else {
                throw .invalidParams(
                    "\(name) received \(staged.received) rows, not \(rows); it is closed and no one was registered",
                    fields: [RPCFieldError(field: "rows", message: "is \(rows); \(staged.received) rows arrived")])
            }
            return staged.drafts
        }
    }

    /// Drops `name`; returns how many rows it had kept.
    func discard(_ name: String, owner: UInt32?) throws(RPCError) -> Int {
        try open.withLock { (open: inout [String: Staged]) throws(RPCError) -> Int in
            guard let staged = open[name] else { return 0 }
            guard staged.owner == owner else { throw Self.notYours(name) }
            open[name] = nil
            return staged.drafts.count
        }
    }

    private static func notYours(_ name: String) -> RPCError {
        RPCError(.forbidden, "the import \(name) was opened by another user", fields: [RPCFieldError(field: "import", message: "another user's import")])
    }
}
