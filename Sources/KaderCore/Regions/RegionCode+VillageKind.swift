extension RegionCode {
    /// What a village is in law, told by the first digit of its number: a kelurahan (1) is
    /// an urban ward run by the regency, with no village fund and no Musyawarah Desa; a desa
    /// (2) and a desa adat (3) govern themselves and develop KPMD cadres.
    public enum VillageKind: String, Sendable, Hashable, CaseIterable, Codable {
        case kelurahan
        case desa
        case desaAdat = "desa_adat"

        /// The kind a village number starting with `digit` (an ASCII byte) names, or nil.
        init?(digit: UInt8) {
            switch digit {
            case UInt8(ascii: "1"): self = .kelurahan
            case UInt8(ascii: "2"): self = .desa
            case UInt8(ascii: "3"): self = .desaAdat
            default: return nil
            }
        }
    }
}

extension RegionCode.VillageKind {
    /// Whether villages of this kind develop KPMD: a desa or desa adat does, a kelurahan does not.
    public var developsKPMD: Bool {
        self != .kelurahan
    }

    /// The kind as people write it in a sentence: `desa adat`, not `desa_adat`.
    public var name: String {
        switch self {
        case .kelurahan: "kelurahan"
        case .desa: "desa"
        case .desaAdat: "desa adat"
        }
    }
}
