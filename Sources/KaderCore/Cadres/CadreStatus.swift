/// Where a cadre stands in kaderisasi: found, serving (appointed by the SK Kepala Desa),
/// through the whole program, or no longer active.
///
/// No status claims "Kader Desa": that is what the regulations call a KPMD from the start,
/// and no regulation has a graduation. `completed` (formerly `graduated`, renamed in
/// store migration v7) says only that the cadre's program has ended.
public enum CadreStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case candidate
    case active
    case completed
    case inactive
}
