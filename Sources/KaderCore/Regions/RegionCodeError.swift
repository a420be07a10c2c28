/// Why a text is not a region code. The message repeats the input and shows the shapes a
/// code can take, because the person reading it usually typed or pasted the code.
public enum RegionCodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not digits and dots in one of the four shapes.
    case malformed(String)
    /// A village number whose first digit is not 1 (kelurahan), 2 (desa) or 3 (desa adat:
    /// the 14 kampung adat of Kabupaten Jayapura).
    case unknownVillageKind(String)

    /// The text that was refused.
    public var input: String {
        switch self {
        case .malformed(let input), .unknownVillageKind(let input): input
        }
    }

    public var description: String {
        switch self {
        case .malformed(let input):
            "\(Self.quoted(input)) is not a region code: expected a province (51), a regency (51.08), "
                + "a district (51.08.01) or a village (51.08.01.2001), with or without the dots"
        case .unknownVillageKind(let input):
            "\(Self.quoted(input)) is not a region code: a village number starts with "
                + "1 (kelurahan), 2 (desa) or 3 (desa adat), not \(input.dropFirst(9).prefix(1))"
        }
    }

    /// The input in quotes, cut short if someone pasted a paragraph.
    private static func quoted(_ input: String) -> String {
        let limit = 40
        return input.count <= limit ? "\"\(input)\"" : "\"\(input.prefix(limit))…\""
    }
}
