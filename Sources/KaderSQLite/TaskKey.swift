import GRDB
import KaderCore

/// What a task is keyed by since v17: the number its id's stamp makes, so the task's row,
/// every index and every history entry of the task hold eight bytes where they held the
/// id's eighteen, and no text of the id is kept.
///
/// A stamp from 2025 to 2026 (counters up to 2^25) makes `(ms − 2025) << 25 | counter`;
/// from 2027, when `IDGenerator` counts to 2^21 only, the numbers after those,
/// `(ms − 2027) << 21 | counter`, which last until 2134. An id without such a stamp (made by
/// hand, or by a clock that was wrong) is kept as text in `task_id_text`, under a negative key.
enum TaskKey {
    static let firstEpoch: UInt64 = 1_735_689_600_000  // 2025-01-01, in milliseconds
    static let secondEpoch: UInt64 = 1_798_761_600_000  // 2027-01-01
    static let secondStart = Int64(secondEpoch - firstEpoch) << 25
    static let secondCounterBits = 21
    /// The last millisecond after `secondEpoch` whose keys fit 63 bits.
    static let lastOffset = (Int64.max - secondStart) >> secondCounterBits
    /// The key of the first id kept as text is one more: far below any id's key, and
    /// counting up in the order tasks are added, as ids do.
    static let firstTextKey = Int64.min / 2

    /// The key `id` spells; nil for an id kept as text.
    static func key(of id: TaskID) -> Int64? {
        guard let stamp = IDStamp(id), stamp.millisecond >= firstEpoch else { return nil }
        if stamp.millisecond < secondEpoch {
            return Int64(stamp.millisecond - firstEpoch) << IDStamp.counterBits | Int64(stamp.counter)
        }
        let offset = stamp.millisecond - secondEpoch
        guard stamp.counter >> secondCounterBits == 0, offset <= UInt64(lastOffset) else { return nil }
        return secondStart + (Int64(offset) << secondCounterBits | Int64(stamp.counter))
    }

    /// The id a key of zero or more spells.
    static func id(of key: Int64) -> TaskID {
        precondition(key >= 0, "a negative key names an id kept as text")
        if key < secondStart {
            return IDStamp(millisecond: firstEpoch + UInt64(key >> IDStamp.counterBits), counter: UInt64(key & counterMask(IDStamp.counterBits))).id()
        }
        let second = key - secondStart
        return IDStamp(
            millisecond: secondEpoch + UInt64(second >> secondCounterBits), counter: UInt64(second & counterMask(secondCounterBits))
        ).id()
    }

    private static func counterMask(_ bits: Int) -> Int64 { (1 << Int64(bits)) - 1 }

    /// The key of task `id` in `db`: the one it spells, or the one its kept text has; nil
    /// when it spells none and no task has it.
    static func find(_ id: TaskID, in db: Database) throws -> Int64? {
        if let key = key(of: id) { return key }
        return try Int64.fetchOne(db.cachedStatement(sql: "SELECT key FROM task_id_text WHERE id = ?"), arguments: [id.rawValue])
    }

    /// An entity id as the history keeps it (v17): a task's key where the id names one, else
    /// the id's text (a cadre's, a workflow's, or a task id that spells no key and names no task).
    static func historyEntity(_ entityID: String, in db: Database) throws -> any DatabaseValueConvertible {
        guard let task = try? TaskID(entityID), let key = try find(task, in: db) else { return entityID }
        return key
    }

    /// The key of a new task `id`: the one it spells, or else the next key of an id kept as
    /// text, its text kept.
    static func make(for id: TaskID, in db: Database) throws -> Int64 {
        if let key = key(of: id) { return key }
        try db.cachedStatement(
            sql: """
                INSERT INTO task_id_text (key, id)
                  SELECT COALESCE(MAX(key), \(firstTextKey)) + 1, ? FROM task_id_text
                """
        ).execute(arguments: [id.rawValue])
        return db.lastInsertedRowID
    }

    /// A task's id from its key and, for a key below zero, the text kept for it.
    static func id(of key: Int64, kept: String?) -> TaskID {
        key >= 0 ? id(of: key) : TaskID.trusted(kept ?? "")
    }

    // MARK: The same in SQL, for the views and triggers `sqlite3` users read and write through
    //
    // Flat expressions, each part written out where it is used: the history's trigger nests
    // the key in a plan's detail, and subqueries there overflowed SQLite's parser stack.

    /// SQL for the id text of the task key `key`.
    static func idSQL(_ key: String) -> String {
        let millisecond = "(CASE WHEN \(key) < \(secondStart) THEN \(firstEpoch) + (\(key) >> 25) ELSE \(secondEpoch) + ((\(key) - \(secondStart)) >> 21) END)"
        let counter = "(CASE WHEN \(key) < \(secondStart) THEN \(key) & \(counterMask(25)) ELSE (\(key) - \(secondStart)) & \(counterMask(21)) END)"
        let characters =
            stride(from: 40, through: 0, by: -5).map { "substr(\(alphabet), ((\(millisecond) >> \($0)) & 31) + 1, 1)" }
            + stride(from: 20, through: 0, by: -5).map { "substr(\(alphabet), ((\(counter) >> \($0)) & 31) + 1, 1)" }
        return """
            CASE WHEN \(key) >= 0 THEN '\(TaskKind.idPrefix)_' || \(characters.joined(separator: " || ")) \
            ELSE \(keptIDSQL(key)) END
            """
    }

    /// SQL for the key the id text `id` spells, NULL for one kept as text (see `key(of:)`).
    static func keySQL(_ id: String) -> String {
        // Sums of products, which need no parentheses: a character's place is one more than
        // its digit, and the sum of those ones is taken off once.
        let places = (0..<14).map { "instr(\(alphabet), substr(\(id), \(5 + $0), 1))" }
        func number(_ range: Range<Int>) -> String {
            let weights = range.map { Int64(1) << Int64(5 * (range.upperBound - 1 - $0)) }
            return "(" + zip(range, weights).map { "\(places[$0]) * \($1)" }.joined(separator: " + ")
                + " - \(weights.reduce(0, +)))"
        }
        let (millisecond, counter) = (number(0..<9), number(9..<14))
        return """
            (CASE WHEN NOT (length(\(id)) = 18 AND substr(\(id), 1, 4) = '\(TaskKind.idPrefix)_' \
            AND min(\(places.joined(separator: ", "))) > 0) THEN NULL \
            WHEN \(millisecond) >= \(firstEpoch) AND \(millisecond) < \(secondEpoch) \
            THEN (\(millisecond) - \(firstEpoch)) * \(Int64(1) << 25) + \(counter) \
            WHEN \(millisecond) >= \(secondEpoch) AND \(counter) < \(1 << secondCounterBits) AND \(millisecond) - \(secondEpoch) <= \(lastOffset) \
            THEN \(secondStart) + (\(millisecond) - \(secondEpoch)) * \(Int64(1) << 21) + \(counter) END)
            """
    }

    /// SQL for the id text kept for the key `key`; NULL if none is.
    static func keptIDSQL(_ key: String) -> String {
        "(SELECT id FROM task_id_text WHERE task_id_text.key = \(key))"
    }

    /// SQL for the key of the id text `id` kept in `task_id_text`; NULL if it is not there.
    static func keptKeySQL(_ id: String) -> String {
        "(SELECT key FROM task_id_text WHERE task_id_text.id = \(id))"
    }

    private static let alphabet = "'\(String(decoding: IDStamp.alphabet, as: UTF8.self))'"
}
