/// Where a reply ends: after its newline (JSON-RPC here), or after an HTTP/1.1 head and
/// Content-Length bytes of body (supervisord's XML-RPC).
enum ReplyFraming: Sendable {
    case line, http

    /// The length of the first whole reply in `bytes`, or nil while it is still arriving.
    func length(ofReplyIn bytes: UnsafeRawBufferPointer) -> Int? {
        switch self {
        case .line:
            return bytes.firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }
        case .http:
            guard let headEnd = Self.endOfHead(bytes) else { return nil }
            let head = String(decoding: bytes[..<headEnd], as: UTF8.self).lowercased()
            guard let field = head.range(of: "content-length:") else { return headEnd }
            let digits = head[field.upperBound...].drop { $0 == " " }.prefix { $0.isNumber }
            let total = headEnd + (Int(digits) ?? 0)
            return bytes.count >= total ? total : nil
        }
    }

    /// The offset just past "\r\n\r\n".
    private static func endOfHead(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index + 4
        }
        return nil
    }
}
