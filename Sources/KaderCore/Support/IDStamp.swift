/// What an id made by kaderd spells after its prefix: the millisecond it was made, in nine
/// characters, and a counter within that millisecond, in five, of lowercase base 32 without
/// 0/o and 1/l. In ascending byte order, so ids sort as their stamps do.
///
/// The SQLite store keys a task by its stamp as one number, and keeps no text for an id that
/// has one; ids made by hand or elsewhere have none.
public struct IDStamp: Sendable, Hashable, Comparable {
    public let millisecond: UInt64
    public let counter: UInt64

    public static let alphabet = Array("23456789abcdefghijkmnpqrstuvwxyz".utf8)
    public static let millisecondBits = 45
    public static let counterBits = 25

    public init(millisecond: UInt64, counter: UInt64) {
        precondition(millisecond >> Self.millisecondBits == 0 && counter >> Self.counterBits == 0, "out of an id's range")
        (self.millisecond, self.counter) = (millisecond, counter)
    }

    /// The stamp `id` spells; nil for an id of another shape.
    public init?<Kind>(_ id: EntityID<Kind>) {
        let text = id.rawValue.utf8
        let prefix = Kind.idPrefix.utf8.count + 1
        guard text.count == prefix + 14 else { return nil }
        var millisecond: UInt64 = 0
        var counter: UInt64 = 0
        for (index, byte) in text.dropFirst(prefix).enumerated() {
            let digit = Self.digits[Int(byte)]
            guard digit < 32 else { return nil }
            if index < 9 {
                millisecond = millisecond << 5 | UInt64(digit)
            } else {
                counter = counter << 5 | UInt64(digit)
            }
        }
        (self.millisecond, self.counter) = (millisecond, counter)
    }

    /// The id of `kind` that spells this stamp.
    public func id<Kind>(_ kind: Kind.Type = Kind.self) -> EntityID<Kind> {
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

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.millisecond, lhs.counter) < (rhs.millisecond, rhs.counter)
    }

    /// Each byte's digit, or 255 for a byte outside the alphabet.
    private static let digits: [UInt8] = {
        var digits = [UInt8](repeating: 255, count: 256)
        for (value, byte) in alphabet.enumerated() { digits[Int(byte)] = UInt8(value) }
        return digits
    }()
}
