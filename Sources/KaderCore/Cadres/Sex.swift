/// Jenis kelamin, as the Buku Kader records it.
public enum Sex: String, Sendable, Hashable, CaseIterable, Codable {
    case male
    case female

    /// The statutory register's letters: L (laki-laki), P (perempuan).
    public var registerLetter: String {
        switch self {
        case .male: "L"
        case .female: "P"
        }
    }

    /// Every spelling read, in any case; errors list them all.
    public static let spellings = (male: ["L", "laki-laki", "M", "male"], female: ["P", "perempuan", "F", "female"])

    /// What a refusal says is accepted: `L, laki-laki, M or male; P, perempuan, F or female`.
    public static var accepted: String {
        func either(_ words: [String]) -> String { words.dropLast().joined(separator: ", ") + " or " + words.last! }
        return either(spellings.male) + "; " + either(spellings.female)
    }

    /// Reads `male`/`female`, the register's own `L`/`P`, `laki-laki`/`perempuan` and `M`/`F`, in any case.
    public init?(lenient text: String) {
        let folded = text.trimmingCharacters(in: .whitespaces).lowercased()
        if Self.spellings.male.contains(where: { $0.lowercased() == folded }) {
            self = .male
        } else if Self.spellings.female.contains(where: { $0.lowercased() == folded }) {
            self = .female
        } else {
            return nil
        }
    }
}
