import Foundation
import KaderCore
import Synchronization

/// Makes new ids: 14 characters of lowercase base-32 (no 0/o, 1/l, so they read aloud
/// without ambiguity), ordered by creation time.
///
/// The first nine characters are the millisecond of creation, the last five a number that
/// starts at random in each millisecond and counts up within it. Ordered ids keep the
/// store's indexes on ids appending at their end: random ones would touch a different page
/// of each index for every row, which made every change write several times the pages.
/// Counting up within a millisecond keeps ids made together distinct; the random start
/// keeps them apart from ids made in the same millisecond by an earlier run.
public struct IDGenerator: Sendable {
    /// In ascending byte order, so that ids sort as the numbers they encode.
    private static let alphabet = Array("23456789abcdefghijkmnpqrstuvwxyz".utf8)
    private static let counterBits = 25

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
                // Only after 16 million ids in one millisecond: borrow the next one.
                last = (last.millisecond + 1, 0)
            }
            return last
        }
        var characters = [UInt8](repeating: 0, count: 14)
        var value = millisecond
        for index in stride(from: 8, through: 0, by: -1) {
            characters[index] = Self.alphabet[Int(value & 31)]
            value >>= 5
        }
        value = counter
        for index in stride(from: 13, through: 9, by: -1) {
            characters[index] = Self.alphabet[Int(value & 31)]
            value >>= 5
        }
        return EntityID<Kind>(random: String(decoding: characters, as: UTF8.self))
    }
}
