/// A JSON value already written out: how every method's result reaches the dispatcher, so a
/// result kept between calls (the status) or written straight to bytes (lists of tasks) is
/// copied into the reply, not encoded again.
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
}
