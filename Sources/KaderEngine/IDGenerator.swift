import Foundation
import KaderCore
import Synchronization

/// Makes new ids: an `IDStamp`, the millisecond of creation and a number that starts at
/// random in each millisecond and counts up within it, ordered by creation time.
///
/// Ordered ids keep the store's indexes on ids appending at their end: random ones would
/// touch a different page of each index for every row, which made every change write
/// several times the pages. Counting up within a millisecond keeps ids made together
/// distinct; the random start keeps them apart from ids made in the same millisecond by an
/// earlier run.
///
/// The counter stays under 2^21 (ids made before 2027 counted to 2^25): the SQLite store
/// keys a task by its stamp as one 63-bit number, and 21 bits leave 42 to the millisecond.
public struct IDGenerator: Sendable {
    static let counterBits = 21

    private final class State: Sendable {
        let last = Mutex<(millisecond: UInt64, counter: UInt64)>((0, 0))
    }

    private let state = State()

    public init() {}

    public func next<Kind: EntityKind>(_ kind: Kind.Type = Kind.self) -> EntityID<Kind> {
        let now = UInt64(max(0, Date().timeIntervalSince1970 * 1000))
        let (millisecond, counter) = state.last.withLock { last in
            if now > last.millisecond {
                // Half the range at most, so counting up within the millisecond cannot run out.
                last = (now, UInt64.random(in: 0..<(1 << (Self.counterBits - 1))))
            } else if last.counter + 1 < 1 << Self.counterBits {
                last.counter += 1
            } else {
                // Only after a million ids in one millisecond: borrow the next one.
                last = (last.millisecond + 1, 0)
            }
            return last
        }
        return IDStamp(millisecond: millisecond, counter: counter).id(kind)
    }
}
