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

    /// Reads `male`/`female` and the register's own `L`/`P`, in any case.
    public init?(lenient text: String) {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "male", "l", "laki-laki", "m": self = .male
        case "female", "p", "perempuan", "f": self = .female
        default: return nil
        }
    }
}
