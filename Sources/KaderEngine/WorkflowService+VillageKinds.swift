import KaderCore

extension WorkflowService {
    /// Why `program` cannot start in `village`, a village of `kind` it is not for, and what
    /// can: the programs of `catalog` that are for that kind, or that none is loaded. A
    /// kelurahan is named as lacking what the program's steps need (a Musyawarah Desa, an SK
    /// Kepala Desa), which is why the program is not for it.
    static func villageKindProblem(
        _ program: Program, village: RegionCode, kind: RegionCode.VillageKind, directory: RegionDirectory,
        catalog: ProgramCatalog
    ) -> FieldProblem {
        let place = directory.name(of: village).map { "\($0) (\(village))" } ?? village.description
        var needs: [String] = []
        if kind == .kelurahan {
            if program.steps.contains(where: { $0.kind == .deliberation }) { needs.append("Musyawarah Desa") }
            if program.steps.contains(where: { $0.kind == .decree }) { needs.append("SK Kepala Desa") }
        }
        let kinds = sentenceList(program.villageKinds.map(\.name))
        let why = needs.isEmpty ? "" : " (\(needs.joined(separator: ", ")))"
        let others = catalog.latest(for: kind).map { "'\($0.program.id)'" }
        let instead =
            switch others.count {
            case 0: "no program for \(kind.name) is loaded"
            case 1: "program \(others[0]) is for \(kind.name)"
            default: "programs \(sentenceList(others)) are for \(kind.name)"
            }
        return FieldProblem(
            field: "program",
            message: "\(place) is a \(kind.name); program '\(program.id)' is for \(kinds)\(why); \(instead)")
    }

    /// `a`, `a and b`, `a, b and c`.
    private static func sentenceList(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
