import KaderCore

/// Makes the random part of new ids: 14 characters of lowercase base-32, 70 bits, so ids
/// never collide in practice and read aloud without ambiguity (no 0/o, 1/l).
public struct IDGenerator: Sendable {
    private static let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")

    public init() {}

    public func next<Kind: EntityKind>(_ kind: Kind.Type = Kind.self) -> EntityID<Kind> {
        var generator = SystemRandomNumberGenerator()
        let random = String((0..<14).map { _ in Self.alphabet[Int(generator.next(upperBound: UInt8(32)))] })
        return EntityID<Kind>(random: random)
    }
}
