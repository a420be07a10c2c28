import KaderCore

/// The cursors both backends give and take, so a client cannot tell them apart: a list in
/// order of entry is resumed after a seq (`c42` for cadres, `w42` for workflows), tasks
/// after a window's start and an id (`t1800000000_tsk_…`).
extension PageRequest {
    /// The seq this page starts after; nil on a first page.
    package func seqAfter(prefix: String) throws(InvalidCursor) -> Int64? {
        guard let cursor else { return nil }
        guard cursor.hasPrefix(prefix), let seq = Int64(cursor.dropFirst(prefix.count)) else {
            throw InvalidCursor(cursor: cursor)
        }
        return seq
    }

    package static func cursor(prefix: String, seq: Int64) -> String {
        prefix + String(seq)
    }

    /// The window start and id of the task this page starts after; nil on a first page.
    package func taskAfter() throws(InvalidCursor) -> (windowStart: Int64, id: String)? {
        guard let cursor else { return nil }
        let parts = cursor.dropFirst().split(separator: "_", maxSplits: 1)
        guard cursor.hasPrefix("t"), parts.count == 2, let start = Int64(parts[0]) else {
            throw InvalidCursor(cursor: cursor)
        }
        return (start, String(parts[1]))
    }

    package static func cursor(after task: WorkflowTask) -> String {
        "t\(Int64(task.windowStart.timeIntervalSince1970))_\(task.id.rawValue)"
    }
}
