import Glibc

/// Bytes read from a socket and not yet taken as a reply.
struct ReplyBuffer {
    private var bytes = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0

    /// The first whole reply, removed from the buffer; nil while it is still arriving.
    mutating func take(_ framing: ReplyFraming) -> ArraySlice<UInt8>? {
        let length = bytes.withUnsafeBytes { framing.length(ofReplyIn: UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
        guard let length else { return nil }
        defer { start += length }
        return bytes[start..<start + length]
    }

    /// Reads what the socket has, moving what is unread to the front first: the count
    /// read, 0 at end of input, -1 with errno set (EAGAIN on an empty non-blocking socket).
    mutating func read(from fd: Int32) -> Int {
        if start > 0 {
            bytes.withUnsafeMutableBytes { raw in
                _ = memmove(raw.baseAddress!, raw.baseAddress! + start, end - start)
            }
            end -= start
            start = 0
        }
        if end == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: bytes.count)) }
        while true {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + end, $0.count - end) }
            if count < 0, errno == EINTR { continue }
            if count > 0 { end += count }
            return count
        }
    }
}
