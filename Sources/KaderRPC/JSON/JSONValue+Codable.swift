import Foundation

/// Bridges between `JSONValue` and `Codable` types through Foundation's coders, so that
/// params and results can be plain structs while the envelope stays exact.
extension JSONValue {
    /// Encodes `value` with the project's wire conventions: snake_case keys are spelled out by
    /// each type's `CodingKeys`, dates as ISO 8601 with an offset.
    public init(encoding value: some Encodable) throws {
        let data = try JSONValue.encoder.encode(value)
        do {
            self = try JSONParser.parse(data, maxDepth: .max)
        } catch {
            throw EncodingError.invalidValue(
                value, .init(codingPath: [], debugDescription: "Foundation produced JSON we cannot read: \(error)"))
        }
    }

    /// Decodes the value into `type`; failures are `DecodingError`s with the coding path.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONValue.decoder.decode(T.self, from: Data(JSONWriter.bytes(self)))
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
