import Glibc

/// Reads replies (or, for the echo server, request lines) from a blocking socket, with
/// one buffer reused across them.
struct LineReader {
    let fd: Int32
    private var buffer = ReplyBuffer()

    init(fd: Int32) { self.fd = fd }

    /// The next line without its newline; nil at end of input.
    mutating func nextLine() -> [UInt8]? {
        guard let reply = next(.line) else { return nil }
        return Array(reply.dropLast())
    }

    /// Skips the next reply without copying it; false at end of input.
    mutating func skip(_ framing: ReplyFraming) -> Bool { next(framing) != nil }

    private mutating func next(_ framing: ReplyFraming) -> ArraySlice<UInt8>? {
        while true {
            if let reply = buffer.take(framing) { return reply }
            guard buffer.read(from: fd) > 0 else { return nil }
        }
    }
}
