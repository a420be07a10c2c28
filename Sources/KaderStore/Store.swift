/// What the engine needs of a store, whichever database holds it: reads on a consistent
/// snapshot, writes in one transaction each, and what the latest commit left.
///
/// The contract every backend keeps: a write is acknowledged only after it committed
/// (with the durability configured); the history is append-only and its sequence numbers
/// are gap-free and in commit order, so `events.subscribe {since}` can resume anywhere; a
/// write that throws leaves nothing behind. `SQLiteStore` (KaderSQLite) is the first
/// implementation.
public protocol Store: AnyObject, Sendable {
    /// Where the data lives, for messages and the log: a file, or a database without its
    /// password.
    var location: String { get }
    /// What the store held at the latest commit seen: this process's, or another kaderd's
    /// on a shared database (or at opening).
    var summary: StoreSummary { get }
    /// Wakes whoever waits for new history entries (event subscribers, the scheduler).
    var notifier: HistoryNotifier { get }

    /// Runs `body` on a consistent snapshot.
    func read<T: Sendable>(_ body: @escaping @Sendable (StoreReader) throws -> T) async throws -> T

    /// Runs `body` in one transaction; if it throws, nothing it did is kept. Returns once
    /// the change is committed.
    @discardableResult
    func write<T: Sendable>(_ body: @escaping @Sendable (StoreWriter) throws -> T) async throws -> T

    /// The other kaderd on the same database and the leader's lease; nil for a store only
    /// one kaderd can open.
    var membership: (any StoreMembership)? { get }
}

extension Store {
    public var membership: (any StoreMembership)? { nil }
}
