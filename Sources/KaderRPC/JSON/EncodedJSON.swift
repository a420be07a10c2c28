/// A JSON value already written out: what a method answered often and changed rarely keeps,
/// so that answering costs a copy, not an encoding.
public struct EncodedJSON: Sendable, Hashable {
    /// One JSON value, as `JSONWriter` writes it.
    public var bytes: [UInt8]

    public init(_ value: JSONValue) {
        bytes = JSONWriter.bytes(value)
    }

    /// Bytes the caller vouches are one JSON value as `JSONWriter` writes it.
    public init(written bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The value again, for a path that needs it whole.
    public func value() throws(JSONParseError) -> JSONValue {
        try JSONParser.parse(bytes)
    }
}
