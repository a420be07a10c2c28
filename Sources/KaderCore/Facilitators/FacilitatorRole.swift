/// The posts of the Ministry of Villages' facilitation (Tenaga Pendamping Profesional,
/// Permendesa PDTT 19/2020), from the village up: a Pendamping Lokal Desa covers a few
/// villages, a Pendamping Desa a kecamatan, a Tenaga Ahli a kabupaten.
public enum FacilitatorRole: String, Sendable, Hashable, CaseIterable, Codable {
    case pendampingLokalDesa = "pendamping_lokal_desa"
    case pendampingDesa = "pendamping_desa"
    case tenagaAhli = "tenaga_ahli"

    /// The post as people write it, for tables.
    public var title: String {
        switch self {
        case .pendampingLokalDesa: "Pendamping Lokal Desa"
        case .pendampingDesa: "Pendamping Desa"
        case .tenagaAhli: "Tenaga Ahli"
        }
    }
}
