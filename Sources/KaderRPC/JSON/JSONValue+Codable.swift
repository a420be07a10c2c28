// Not all of Foundation: it would link ICU into kaderctl and slow every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Bridges between `JSONValue` and `Codable` types, so that
/// params and results can be plain structs while the envelope stays exact.
extension JSONValue {
    /// Encodes `value` with the project's wire conventions: snake_case keys are spelled out by
    /// each type's `CodingKeys`, dates as ISO 8601 with an offset, keys sorted.
    public init(encoding value: some Encodable) throws {
        self = try JSONValueEncoder.encode(value)
    }

    /// Decodes the value into `type` as it is, without writing it back to text; failures
    /// are `DecodingError`s with the coding path.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONValueDecoder.decode(T.self, from: self)
    }
}
