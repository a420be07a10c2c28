/// A workflow is active until every task has ended (completed) or someone cancels it.
public enum WorkflowState: String, Sendable, Hashable, CaseIterable, Codable {
    case active
    case completed
    case cancelled
}
