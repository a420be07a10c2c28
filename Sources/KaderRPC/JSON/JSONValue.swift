import OrderedCollections

/// A JSON document as the wire carries it.
///
/// We keep our own value type instead of `Any` or a `Codable` enum so that a request `id`
/// is echoed exactly as the client wrote it (numbers keep their literal text), object keys
/// keep their order, and the parser can enforce the limits the transport promises.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

public typealias JSONObject = OrderedDictionary<String, JSONValue>

extension JSONValue {
    public subscript(key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    public var stringValue: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    public var boolValue: Bool? {
        guard case .bool(let value) = self else { return nil }
        return value
    }

    public var intValue: Int? {
        guard case .number(let value) = self else { return nil }
        return value.intValue
    }

    public var doubleValue: Double? {
        guard case .number(let value) = self else { return nil }
        return value.doubleValue
    }

    public var arrayValue: [JSONValue]? {
        guard case .array(let value) = self else { return nil }
        return value
    }

    public var objectValue: JSONObject? {
        guard case .object(let value) = self else { return nil }
        return value
    }

    /// The JSON type's name, for error messages ("expected a string, got an array").
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(floatLiteral value: Double) { self = .number(JSONNumber(value)) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements, uniquingKeysWith: { _, last in last }))
    }
}

/// A JSON number, kept as the literal text it was written with.
///
/// Ids like `12345678901234567890` or `1.50` must come back exactly as sent; a `Double`
/// would change both.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number's JSON text, already valid JSON.
    public let literal: String

    /// Wraps text the parser has already checked against the JSON number grammar.
    init(validatedLiteral: String) {
        self.literal = validatedLiteral
    }

    public init(_ value: Int) {
        self.literal = String(value)
    }

    public init(_ value: Double) {
        precondition(value.isFinite, "JSON has no NaN or infinity")
        if value == value.rounded(), abs(value) < 1e15 {
            self.literal = String(Int64(value))
        } else {
            self.literal = "\(value)"
        }
    }

    /// The number `thousandths / 1000`, written as `init(_: Double)` writes that double
    /// (`12.5`, not `12.500`), without formatting a double: `daemon.status` writes its
    /// uptime this way on every call.
    public init(thousandths: Int64) {
        let magnitude = thousandths.magnitude
        let whole = magnitude / 1000
        var fraction = magnitude % 1000
        var literal = thousandths < 0 ? "-\(whole)" : String(whole)
        if fraction != 0 {
            var digits = 3
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            let text = String(fraction)
            literal += "." + String(repeating: "0", count: digits - text.count) + text
        }
        self.literal = literal
    }

    /// The value as an integer, when it is one exactly (`3`, `3.0` and `3e0` all are).
    public var intValue: Int? {
        if let exact = Int(literal) { return exact }
        guard let double = Double(literal), double == double.rounded(),
            double >= -9.007_199_254_740_992e15, double <= 9.007_199_254_740_992e15
        else { return nil }
        return Int(double)
    }

    public var doubleValue: Double { Double(literal) ?? .nan }

    public var description: String { literal }
}
