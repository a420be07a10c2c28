/// The kinds of step the KPMD handbook knows. Plugins add their own, so the set is open:
/// any lowercase identifier is a kind, and these are the ones with built-in meaning.
public struct StepKind: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let identification = StepKind(rawValue: "identification")
    public static let deliberation = StepKind(rawValue: "deliberation")
    public static let decree = StepKind(rawValue: "decree")
    public static let training = StepKind(rawValue: "training")
    public static let mentoringVisit = StepKind(rawValue: "mentoring_visit")
    public static let evaluation = StepKind(rawValue: "evaluation")
    public static let graduation = StepKind(rawValue: "graduation")

    public static let builtIn: [StepKind] = [
        .identification, .deliberation, .decree, .training, .mentoringVisit, .evaluation, .graduation,
    ]

    public var description: String { rawValue }
}
