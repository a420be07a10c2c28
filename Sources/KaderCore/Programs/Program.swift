/// A versioned template of steps: a cadre-development curriculum.
///
/// A workflow keeps the id and version it was started with, so changing a program never
/// rewrites workflows already under way.
public struct Program: Sendable, Hashable {
    public var id: String
    public var version: Int
    public var title: String
    public var summary: String
    /// The kinds of village it can run in, in `VillageKind.allCases` order. A program whose
    /// steps need a Musyawarah Desa or an SK Kepala Desa cannot run in a kelurahan, which
    /// has neither; a file that names no kinds is for every kind, so operators' files
    /// written before the key existed keep working.
    public var villageKinds: [RegionCode.VillageKind]
    public var steps: [ProgramStep]

    public init(
        id: String, version: Int, title: String, summary: String = "",
        villageKinds: [RegionCode.VillageKind] = RegionCode.VillageKind.allCases, steps: [ProgramStep]
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.summary = summary
        self.villageKinds = RegionCode.VillageKind.allCases.filter(villageKinds.contains)
        self.steps = steps
    }

    public func step(_ id: String) -> ProgramStep? {
        steps.first { $0.id == id }
    }

    /// Whether the program can run in a village of this kind.
    public func isFor(_ kind: RegionCode.VillageKind) -> Bool {
        villageKinds.contains(kind)
    }

    /// Everything that makes the program unusable. Steps may only depend on steps listed
    /// before them, which rules out cycles and gives a natural reading order.
    public var problems: [FieldProblem] {
        var problems: [FieldProblem] = []
        if !Self.isIdentifier(id) {
            problems.append(FieldProblem(field: "id", message: "'\(id)' must be lowercase letters, digits, '-' or '_'"))
        }
        if version < 1 { problems.append(FieldProblem(field: "version", message: "must be 1 or more")) }
        if title.isEmpty { problems.append(FieldProblem(field: "title", message: "must not be empty")) }
        if villageKinds.isEmpty {
            let message = "name at least one kind of village, or leave the key out for all"
            problems.append(FieldProblem(field: "village_kinds", message: message))
        }
        if steps.isEmpty { problems.append(FieldProblem(field: "steps", message: "a program needs at least one step")) }
        var seen: Set<String> = []
        for (index, step) in steps.enumerated() {
            let path = "steps[\(index)]"
            if !Self.isIdentifier(step.id) {
                problems.append(
                    FieldProblem(field: "\(path).id", message: "'\(step.id)' must be lowercase letters, digits, '-' or '_'"))
            } else if seen.contains(step.id) {
                problems.append(FieldProblem(field: "\(path).id", message: "'\(step.id)' is used by an earlier step"))
            }
            if !Self.isIdentifier(step.kind.rawValue) {
                problems.append(FieldProblem(field: "\(path).kind", message: "'\(step.kind)' is not a step kind"))
            }
            if step.title.isEmpty { problems.append(FieldProblem(field: "\(path).title", message: "must not be empty")) }
            for dependency in step.after where !seen.contains(dependency) {
                let reason =
                    steps.contains { $0.id == dependency }
                    ? "'\(dependency)' comes later; a step may only follow steps listed before it"
                    : "no step is called '\(dependency)'"
                problems.append(FieldProblem(field: "\(path).after", message: reason))
            }
            if step.offsetDays < 0 || step.offsetDays > 3650 {
                problems.append(FieldProblem(field: "\(path).offset_days", message: "must be between 0 and 3650"))
            }
            if step.durationDays < 1 || step.durationDays > 365 {
                problems.append(FieldProblem(field: "\(path).duration_days", message: "must be between 1 and 365"))
            }
            for record in step.records where !Self.isIdentifier(record) {
                problems.append(
                    FieldProblem(field: "\(path).records", message: "'\(record)' must be lowercase letters, digits or '_'"))
            }
            seen.insert(step.id)
        }
        return problems
    }

    public static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }
}
