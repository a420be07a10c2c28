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

    /// Decodes the value into `type`; failures are `DecodingError`s with the coding path.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONValue.decoder.decode(T.self, from: Data(JSONWriter.bytes(self)))
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
