// Not all of Foundation: it would link ICU into kaderctl and slow every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Encodes `Encodable` values straight into a `JSONValue`, with the wire's conventions:
/// keys sorted by their UTF-8 bytes, dates as ISO 8601 in UTC, absent optionals left out.
///
/// Foundation's encoder writes text that we then had to parse back into a `JSONValue`:
/// the two passes were 40% of the daemon's time on a page of tasks. This builds the value
/// in one pass and gives the same JSON.
enum JSONValueEncoder {
    static func encode(_ value: some Encodable) throws -> JSONValue {
        try JSONSlot.holding(value, codingPath: []).json
    }
}

/// One value being built; containers share it, so it is a class. Scalars are kept as they
/// are, without a slot of their own: a page of tasks has thousands of them.
final class JSONSlot {
    enum Member {
        case value(JSONValue)
        case slot(JSONSlot)

        var json: JSONValue {
            switch self {
            case .value(let value): value
            case .slot(let slot): slot.json
            }
        }
    }

    private var leaf: JSONValue?
    private var members: [(key: String, member: Member)]?
    private var elements: [Member]?

    static func holding<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> JSONSlot {
        let slot = JSONSlot()
        if T.self == Date.self {
            slot.leaf = .string(ISO8601Text.utc(value as! Date))
        } else {
            try value.encode(to: SlotEncoder(slot: slot, codingPath: codingPath))
        }
        return slot
    }

    var json: JSONValue {
        if let leaf { return leaf }
        if let elements { return .array(elements.map(\.json)) }
        let sorted = (members ?? []).sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        return .object(JSONObject(sorted.map { ($0.key, $0.member.json) }, uniquingKeysWith: { _, last in last }))
    }

    func set(_ value: JSONValue) { leaf = value }

    func setMember(_ key: String, _ member: Member) {
        if members == nil { members = [] }
        members!.append((key, member))
    }

    func member(_ key: String) -> JSONSlot {
        let child = JSONSlot()
        setMember(key, .slot(child))
        return child
    }

    func makeObject() { if members == nil { members = [] } }
    func makeArray() { if elements == nil { elements = [] } }

    func append(_ member: Member) {
        if elements == nil { elements = [] }
        elements!.append(member)
    }

    var count: Int { elements?.count ?? 0 }
}

/// The JSON of a scalar, or an error for what JSON cannot hold.
enum JSONScalar {
    static func number(_ value: some FixedWidthInteger) -> JSONValue {
        .number(JSONNumber(validatedLiteral: String(value)))
    }

    static func number(_ value: Double, codingPath: [any CodingKey]) throws -> JSONValue {
        guard value.isFinite else { throw nonFinite(value, codingPath) }
        return .number(JSONNumber(value))
    }

    static func number(_ value: Float, codingPath: [any CodingKey]) throws -> JSONValue {
        guard value.isFinite else { throw nonFinite(value, codingPath) }
        return value == value.rounded() && abs(value) < 1e15
            ? .number(JSONNumber(Int(value))) : .number(JSONNumber(validatedLiteral: "\(value)"))
    }

    private static func nonFinite(_ value: Any, _ codingPath: [any CodingKey]) -> EncodingError {
        .invalidValue(value, .init(codingPath: codingPath, debugDescription: "JSON has no NaN or infinity"))
    }
}
