import KaderRPC

extension JSONValue {
    /// The value with every object's keys sorted, so two documents compare by content alone.
    public var canonical: JSONValue {
        switch self {
        case .array(let elements):
            return .array(elements.map(\.canonical))
        case .object(let members):
            var sorted = JSONObject()
            for key in members.keys.sorted() { sorted[key] = members[key]!.canonical }
            return .object(sorted)
        default:
            return self
        }
    }

    /// A JSON-RPC reply reduced to what the specification fixes: for errors the code (and
    /// id), not our wording of the message nor our `data`.
    public var specShape: JSONValue {
        switch self {
        case .array(let elements):
            return .array(elements.map(\.specShape))
        case .object(var members):
            if case .object(var error)? = members["error"] {
                error["message"] = error["message"]?.stringValue.map { _ in "" } ?? .null
                error["data"] = nil
                members["error"] = .object(error)
            }
            return JSONValue.object(members).canonical
        default:
            return self
        }
    }
}
