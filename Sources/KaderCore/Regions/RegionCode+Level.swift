extension RegionCode {
    /// How deep a region lies: a province holds regencies (kabupaten and kota), a regency
    /// holds districts (kecamatan), a district holds villages (desa and kelurahan).
    public enum Level: String, Sendable, Hashable, CaseIterable, Codable {
        case province
        case regency
        case district
        case village

        /// The level one up; nil for a province.
        public var parent: Level? {
            switch self {
            case .province: nil
            case .regency: .province
            case .district: .regency
            case .village: .district
            }
        }

        /// The level one down; nil for a village.
        public var child: Level? {
            switch self {
            case .province: .regency
            case .regency: .district
            case .district: .village
            case .village: nil
            }
        }

        /// Levels above this one: 0 for a province, 3 for a village.
        var depth: Int {
            switch self {
            case .province: 0
            case .regency: 1
            case .district: 2
            case .village: 3
            }
        }

        /// The level of a code `codeLength` characters long, or nil when no code has that length.
        init?(codeLength: Int) {
            guard let level = Level.allCases.first(where: { $0.codeLength == codeLength }) else { return nil }
            self = level
        }

        /// Characters in a code of this level: `51`, `51.08`, `51.08.01`, `51.08.01.2001`.
        public var codeLength: Int {
            switch self {
            case .province: 2
            case .regency: 5
            case .district: 8
            case .village: 13
            }
        }
    }
}
