import KaderCore

/// Why the engine refused a request. Each case maps to one stable API error kind.
public enum EngineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No such cadre, workflow, task, program or village.
    case notFound(what: String, id: String)
    /// The request is well-formed but clashes with the current state (completing a cancelled task).
    case conflict(String)
    /// The input breaks the domain's rules; every problem is listed.
    case invalid(ValidationError)
    /// A registration of someone already registered; every such one is listed.
    case duplicate(ValidationError)
    /// A plugin of the province did not give a usable answer; nothing was changed.
    case plugin(PluginError)

    public var description: String {
        switch self {
        case .notFound(let what, let id): "no \(what) \(id)"
        case .conflict(let message): message
        case .invalid(let error), .duplicate(let error): error.description
        case .plugin(let error): error.description
        }
    }
}
