import KaderCore

/// What `cadre.update` changes, field by field, each named by its key path into the
/// register's one definition of a cadre (`CadreDraft`); what is not set stays as it is.
public struct CadreChanges: Sendable {
    /// One field that changed, with its values as the history shows them.
    struct Change {
        var field: String
        var from: String
        var to: String
    }

    private var edits: [@Sendable (inout CadreDraft) -> Change?] = []

    public init() {}

    /// Sets the field at `keyPath` (called `field` in the history, its values written by
    /// `shown`) to `value`, when one is given.
    public mutating func set<Value: Equatable & Sendable>(
        _ keyPath: WritableKeyPath<CadreDraft, Value> & Sendable, to value: Value?, field: String,
        shown: @escaping @Sendable (Value) -> String = { "\($0)" }
    ) {
        guard let value else { return }
        edits.append { draft in
            guard draft[keyPath: keyPath] != value else { return nil }
            defer { draft[keyPath: keyPath] = value }
            return Change(field: field, from: shown(draft[keyPath: keyPath]), to: shown(value))
        }
    }

    /// Applies the changes; returns the fields that really changed, in the order set.
    func apply(to draft: inout CadreDraft) -> [Change] {
        edits.compactMap { $0(&draft) }
    }
}
