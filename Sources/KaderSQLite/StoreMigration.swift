/// A schema migration about to run on a store opened by an older kaderd's file, so the
/// daemon can say what it is doing: a migration over millions of tasks takes minutes.
public struct StoreMigration: Sendable, Hashable {
    /// The migration's name, as "v12: compact task rows".
    public var name: String
    /// Its place among the migrations this opening runs, from 1.
    public var number: Int
    public var count: Int

    /// Its schema version, as "v12".
    public var version: String { String(name.prefix { $0 != ":" }) }
}
