/// The transport's framing: one JSON-RPC message (or batch) per line, UTF-8, `\n`-terminated.
public enum RPCFraming {
    /// The longest request line the daemon reads, newline excluded. A longer line is answered
    /// with a `too_large` error and the connection is closed: what follows cannot be trusted
    /// to start at a message boundary.
    public static let maxLineBytes = 1 << 20

    public static let newline = UInt8(ascii: "\n")
}
