// Not all of Foundation: it would link ICU into kaderctl and slow every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The `Encoder` face of a `JSONSlot`: what `Encodable` types write into.
struct SlotEncoder: Encoder {
    let slot: JSONSlot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        slot.makeObject()
        return KeyedEncodingContainer(KeyedSlotContainer<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        slot.makeArray()
        return UnkeyedSlotContainer(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleSlotContainer(slot: slot, codingPath: codingPath)
    }
}

struct KeyedSlotContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: JSONSlot
    let codingPath: [any CodingKey]

    private func put(_ value: JSONValue, _ key: Key) { slot.setMember(key.stringValue, .value(value)) }

    mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        put(try JSONScalar.number(value, codingPath: codingPath + [key]), key)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        put(try JSONScalar.number(value, codingPath: codingPath + [key]), key)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(JSONScalar.number(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(JSONScalar.number(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(JSONScalar.number(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(JSONScalar.number(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(JSONScalar.number(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(JSONScalar.number(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(JSONScalar.number(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(JSONScalar.number(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(JSONScalar.number(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(JSONScalar.number(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        slot.setMember(key.stringValue, .slot(try .holding(value, codingPath: codingPath + [key])))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        SlotEncoder(slot: slot.member(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        SlotEncoder(slot: slot.member(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        SlotEncoder(slot: slot.member("super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        SlotEncoder(slot: slot.member(key.stringValue), codingPath: codingPath + [key])
    }
}

struct UnkeyedSlotContainer: UnkeyedEncodingContainer {
    let slot: JSONSlot
    let codingPath: [any CodingKey]
    var count: Int { slot.count }

    private var indexPath: [any CodingKey] { codingPath + [IndexKey(intValue: slot.count)] }

    mutating func encodeNil() throws { slot.append(.value(.null)) }
    mutating func encode(_ value: Bool) throws { slot.append(.value(.bool(value))) }
    mutating func encode(_ value: String) throws { slot.append(.value(.string(value))) }
    mutating func encode(_ value: Double) throws {
        slot.append(.value(try JSONScalar.number(value, codingPath: indexPath)))
    }
    mutating func encode(_ value: Float) throws {
        slot.append(.value(try JSONScalar.number(value, codingPath: indexPath)))
    }
    mutating func encode(_ value: Int) throws { slot.append(.value(JSONScalar.number(value))) }
    mutating func encode(_ value: Int8) throws { slot.append(.value(JSONScalar.number(value))) }
    mutating func encode(_ value: Int16) throws { slot.append(.value(JSONScalar.number(value))) }
    mutating func encode(_ value: Int32) throws { slot.append(.value(JSONScalar.number(value))) }
    mutating func encode(_ value: Int64) throws { slot.append(.value(JSONScalar.number(value))) }
    mutating func encode(_ value: UInt) throws { slot.append(.value(JSONScalar.number(value))) }
    mutating func encode(_ value: UInt8) throws { slot.append(.value(JSONScalar.number(value))) }
    mutating func encode(_ value: UInt16) throws { slot.append(.value(JSONScalar.number(value))) }
    mutating func encode(_ value: UInt32) throws { slot.append(.value(JSONScalar.number(value))) }
    mutating func encode(_ value: UInt64) throws { slot.append(.value(JSONScalar.number(value))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        slot.append(.slot(try .holding(value, codingPath: indexPath)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = JSONSlot()
        let path = indexPath
        slot.append(.slot(child))
        return SlotEncoder(slot: child, codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = JSONSlot()
        let path = indexPath
        slot.append(.slot(child))
        return SlotEncoder(slot: child, codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = JSONSlot()
        let path = indexPath
        slot.append(.slot(child))
        return SlotEncoder(slot: child, codingPath: path)
    }
}

struct SingleSlotContainer: SingleValueEncodingContainer {
    let slot: JSONSlot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.set(.null) }
    mutating func encode(_ value: Bool) throws { slot.set(.bool(value)) }
    mutating func encode(_ value: String) throws { slot.set(.string(value)) }
    mutating func encode(_ value: Double) throws { slot.set(try JSONScalar.number(value, codingPath: codingPath)) }
    mutating func encode(_ value: Float) throws { slot.set(try JSONScalar.number(value, codingPath: codingPath)) }
    mutating func encode(_ value: Int) throws { slot.set(JSONScalar.number(value)) }
    mutating func encode(_ value: Int8) throws { slot.set(JSONScalar.number(value)) }
    mutating func encode(_ value: Int16) throws { slot.set(JSONScalar.number(value)) }
    mutating func encode(_ value: Int32) throws { slot.set(JSONScalar.number(value)) }
    mutating func encode(_ value: Int64) throws { slot.set(JSONScalar.number(value)) }
    mutating func encode(_ value: UInt) throws { slot.set(JSONScalar.number(value)) }
    mutating func encode(_ value: UInt8) throws { slot.set(JSONScalar.number(value)) }
    mutating func encode(_ value: UInt16) throws { slot.set(JSONScalar.number(value)) }
    mutating func encode(_ value: UInt32) throws { slot.set(JSONScalar.number(value)) }
    mutating func encode(_ value: UInt64) throws { slot.set(JSONScalar.number(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let inner = try JSONSlot.holding(value, codingPath: codingPath)
        slot.set(inner.json)
    }
}

/// The coding-path key of an array element.
struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}
