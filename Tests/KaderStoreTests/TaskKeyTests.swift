import GRDB
import KaderCore
@testable import KaderSQLite
import Testing

/// The number a task is kept by (v17) and the id it spells, in Swift and in the SQL the
/// store's views and triggers use, which must agree to the last id.
@Suite struct TaskKeyTests {
    static let (first, second) = (TaskKey.firstEpoch, TaskKey.secondEpoch)
    static let largestCounter: UInt64 = (1 << 25) - 1

    /// Stamps at each edge of both ranges, and some between, in order.
    static let stamps: [IDStamp] = {
        var generator = SystemRandomNumberGenerator()
        var stamps = [
            IDStamp(millisecond: first, counter: 0), IDStamp(millisecond: first, counter: largestCounter),
            IDStamp(millisecond: second - 1, counter: largestCounter), IDStamp(millisecond: second, counter: 0),
            IDStamp(millisecond: second, counter: (1 << 21) - 1),
            IDStamp(millisecond: second + UInt64(TaskKey.lastOffset), counter: (1 << 21) - 1),
        ]
        for _ in 0..<500 {
            stamps.append(
                IDStamp(millisecond: .random(in: first..<second, using: &generator), counter: .random(in: 0...largestCounter, using: &generator)))
            stamps.append(
                IDStamp(millisecond: .random(in: second...(second + 100 * 365 * 86_400_000), using: &generator),
                        counter: .random(in: 0..<(1 << 21), using: &generator)))
        }
        return stamps.sorted()
    }()

    /// Ids that spell no key: made by hand, of another shape, before 2025, or counting past
    /// 2^21 from 2027, or after the keys run out.
    static let others = [
        "tsk_t1", "tsk_plan0", "tsk_22222u62kgzp6", "tsk_22222u62kgzp6qq", "tsk_22222U62KGZP6Q", "tsk_222221o2kgzp6q",
        IDStamp(millisecond: first - 1, counter: 5).id(TaskKind.self).rawValue,
        IDStamp(millisecond: second, counter: 1 << 21).id(TaskKind.self).rawValue,
        IDStamp(millisecond: second + UInt64(TaskKey.lastOffset) + 1, counter: 0).id(TaskKind.self).rawValue,
    ]

    @Test func everyStampedIdSpellsAKeyInItsOrderAndBack() throws {
        let ids = Self.stamps.map { $0.id(TaskKind.self) }
        let keys = try ids.map { try #require(TaskKey.key(of: $0), "\($0)") }
        #expect(keys.allSatisfy { $0 >= 0 })
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 }, "keys sort as their ids do")
        #expect(keys.map(TaskKey.id(of:)) == ids)
        #expect(keys.last == Int64.max, "the last key there is")
    }

    @Test func otherIdsSpellNone() throws {
        for text in Self.others {
            #expect(TaskKey.key(of: try TaskID(text)) == nil, "\(text)")
        }
    }

    @Test func theSQLMakesTheSameKeysAndIds() throws {
        let db = try DatabaseQueue()
        try db.write { db in
            try db.execute(sql: "CREATE TABLE task_id_text (key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE)")
            try db.execute(sql: "INSERT INTO task_id_text VALUES (-7, 'tsk_t1')")
            for stamp in Self.stamps {
                let id = stamp.id(TaskKind.self)
                let key = try #require(TaskKey.key(of: id))
                #expect(try Int64.fetchOne(db, sql: "SELECT \(TaskKey.keySQL("?1"))", arguments: [id.rawValue]) == key, "\(id)")
                #expect(try String.fetchOne(db, sql: "SELECT \(TaskKey.idSQL("?1"))", arguments: [key]) == id.rawValue, "\(key)")
            }
            for text in Self.others + ["", "tsk_", "cdr_22222u62kgzp6q", "tsk_22222u62kgzp6é"] {
                #expect(try Int64.fetchOne(db, sql: "SELECT \(TaskKey.keySQL("?1"))", arguments: [text]) == nil, "\(text)")
            }
            #expect(try String.fetchOne(db, sql: "SELECT \(TaskKey.idSQL("-7"))") == "tsk_t1")
            #expect(try Int64.fetchOne(db, sql: "SELECT \(TaskKey.keptKeySQL("'tsk_t1'"))") == -7)
        }
    }
}
