import Glibc

/// Reads newline-framed lines, or HTTP/1.1 responses framed by Content-Length, from a
/// blocking socket, with one buffer reused across replies.
struct LineReader {
    let fd: Int32
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0

    init(fd: Int32) { self.fd = fd }

    /// The next line without its newline; nil at end of input.
    mutating func nextLine() -> [UInt8]? {
        guard let range = nextDelimited(by: [UInt8(ascii: "\n")]) else { return nil }
        return Array(buffer[range])
    }

    /// Skips the next line; false at end of input. Avoids copying the reply.
    mutating func skipLine() -> Bool { nextDelimited(by: [UInt8(ascii: "\n")]) != nil }

    /// Skips one HTTP response: the head, then Content-Length bytes of body.
    mutating func skipHTTPResponse() -> Bool {
        guard let head = nextDelimited(by: Array("\r\n\r\n".utf8)) else { return false }
        let text = String(decoding: buffer[head], as: UTF8.self).lowercased()
        guard let field = text.range(of: "content-length:") else { return false }
        let digits = text[field.upperBound...].drop { $0 == " " }.prefix { $0.isNumber }
        var remaining = Int(digits) ?? 0
        while remaining > 0 {
            if start == end, !fill() { return false }
            let take = min(remaining, end - start)
            start += take
            remaining -= take
        }
        return true
    }

    private mutating func nextDelimited(by delimiter: [UInt8]) -> Range<Int>? {
        var searchFrom = start
        while true {
            if end - searchFrom >= delimiter.count {
                var index = searchFrom
                while index <= end - delimiter.count {
                    if buffer[index] == delimiter[0], buffer[index..<index + delimiter.count].elementsEqual(delimiter) {
                        let range = start..<index
                        start = index + delimiter.count
                        return range
                    }
                    index += 1
                }
                searchFrom = max(start, end - delimiter.count + 1)
            }
            let before = start
            if !fill() { return nil }
            searchFrom -= before - start
        }
    }

    /// Reads more input, moving what is unread to the front first; false at end of input.
    private mutating func fill() -> Bool {
        if start > 0 {
            buffer.withUnsafeMutableBytes { raw in
                _ = memmove(raw.baseAddress!, raw.baseAddress! + start, end - start)
            }
            end -= start
            start = 0
        }
        if end == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + end, $0.count - end) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return false }
            end += count
            return true
        }
    }
}
