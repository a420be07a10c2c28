/// What happens to a step's tasks whose windows opened while the daemon was down.
public enum CatchUpPolicy: String, Sendable, Hashable, CaseIterable, Codable {
    /// Only the latest passed occurrence is caught up (made due now); earlier ones are missed.
    /// Right for recurring visits: one late visit, not a pile of them.
    case once
    /// Every passed occurrence is caught up.
    case all
    /// Passed occurrences are missed.
    case skip
    /// Passed occurrences move later by the length of the downtime, keeping their spacing.
    case reschedule

    /// The policy of a step that names none.
    public static func `default`(for kind: StepKind) -> CatchUpPolicy {
        kind == .mentoringVisit ? .once : .all
    }
}
