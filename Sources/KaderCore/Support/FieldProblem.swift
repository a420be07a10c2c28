/// What is wrong with one field of some input, named by its path (`village`, `steps[2].after`).
///
/// Validation collects every problem instead of stopping at the first, so a person fixes
/// their input in one go.
public struct FieldProblem: Sendable, Hashable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// Input refused for the listed reasons; nothing was changed.
public struct ValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var summary: String
    public var problems: [FieldProblem]

    public init(_ summary: String, problems: [FieldProblem]) {
        self.summary = summary
        self.problems = problems
    }

    public var description: String {
        ([summary] + problems.map(\.description)).joined(separator: "; ")
    }
}
