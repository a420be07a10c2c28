/// A Kemendagri region code: `51` (province), `51.08` (regency), `51.08.01` (district) or
/// `51.08.01.2001` (village). It is checked once, here, so that every code the rest of kaderd
/// holds is well formed; whether the region exists is the ``RegionDirectory``'s question.
public struct RegionCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The code as Kemendagri writes it. Every part has a fixed width, so comparing and
    /// prefix-matching the text is comparing and nesting the regions.
    private let text: String

    /// Reads a code with its dots (`51.03.02.2001`) or without (`5103022001`, as
    /// spreadsheets and forms often hold it).
    public init(_ given: String) throws(RegionCodeError) {
        let text = Self.dotted(given) ?? given
        guard let level = Self.level(ofShape: text) else { throw .malformed(given) }
        if level == .village {
            guard VillageKind(digit: Self.villageKindDigit(of: text)) != nil else {
                throw .unknownVillageKind(text)
            }
        }
        self.text = text
    }

    /// For parts cut from a code that was already checked.
    private init(checked text: String) {
        self.text = text
    }

    /// A code this program checked before storing it, read back unchecked (as the village of
    /// every listed task). A static function, so that `RegionCode.init` still names one initializer.
    public static func trusted(_ text: String) -> RegionCode {
        RegionCode(checked: text)
    }

    public var description: String { text }

    public var level: Level {
        // Every code was checked to have the length of one level.
        Level(codeLength: text.utf8.count)!
    }

    /// The code of the province this region lies in (itself, for a province).
    public var province: RegionCode { ancestor(at: .province) }

    /// The region one level up; nil for a province.
    public var parent: RegionCode? {
        level.parent.map { ancestor(at: $0) }
    }

    /// Whether a village is a kelurahan, a desa or a desa adat; nil for other levels.
    public var villageKind: VillageKind? {
        guard level == .village else { return nil }
        return VillageKind(digit: Self.villageKindDigit(of: text))
    }

    /// Whether `other` is this region or lies inside it. A region counts as within itself,
    /// so a search limited to a regency still finds the regency.
    public func contains(_ other: RegionCode) -> Bool {
        other.text.utf8.starts(with: text.utf8)
    }

    /// Whether this region is `other` or lies inside it.
    public func isWithin(_ other: RegionCode) -> Bool {
        other.contains(self)
    }

    public static func < (lhs: RegionCode, rhs: RegionCode) -> Bool {
        lhs.text < rhs.text
    }

    /// The region at `level` this one lies in (itself at its own level); `level` must not lie below it.
    func ancestor(at level: Level) -> RegionCode {
        RegionCode(checked: String(decoding: text.utf8.prefix(level.codeLength), as: UTF8.self))
    }

    /// The first digit of a village number: the byte after `51.08.01.`.
    private static func villageKindDigit(of villageCode: String) -> UInt8 {
        villageCode.utf8[villageCode.utf8.index(villageCode.utf8.startIndex, offsetBy: 9)]
    }

    /// `5103022001` → `51.03.02.2001`: 2, 4, 6 or 10 digits given without their dots.
    private static func dotted(_ text: String) -> String? {
        let digits = Array(text.utf8)
        guard [2, 4, 6, 10].contains(digits.count), digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        var parts: [ArraySlice<UInt8>] = []
        var start = 0
        for end in [2, 4, 6, 10] where end <= digits.count {
            parts.append(digits[start..<end])
            start = end
        }
        return parts.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ".")
    }

    /// The level whose shape `text` has (digits and dots in the right places), or nil.
    private static func level(ofShape text: String) -> Level? {
        guard let level = Level(codeLength: text.utf8.count) else { return nil }
        var offset = 0
        for byte in text.utf8 {
            let isDot = offset == 2 || offset == 5 || offset == 8
            guard isDot ? byte == UInt8(ascii: ".") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
                return nil
            }
            offset += 1
        }
        return level
    }
}

extension RegionCode: Codable {
    /// A code travels as its text, `"51.08.01.2001"`, so JSON stays readable and greppable.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
