/// A request id: a string, a number or null, echoed exactly in the response.
public enum RPCID: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case number(JSONNumber)
    case null

    /// Reads an id member; `nil` when the value is not a legal id (an array, a bool, …).
    public init?(_ json: JSONValue) {
        switch json {
        case .string(let string): self = .string(string)
        case .number(let number): self = .number(number)
        case .null: self = .null
        default: return nil
        }
    }

    public init(_ number: Int) { self = .number(JSONNumber(number)) }

    public var json: JSONValue {
        switch self {
        case .string(let string): .string(string)
        case .number(let number): .number(number)
        case .null: .null
        }
    }

    public var description: String { json.description }
}
