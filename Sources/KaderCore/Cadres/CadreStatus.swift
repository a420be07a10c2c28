/// Where a cadre stands in kaderisasi: found, serving, graduated as Kader Desa, or no longer active.
public enum CadreStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case candidate
    case active
    case graduated
    case inactive
}
