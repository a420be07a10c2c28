import KaderRPC
import NIOCore

extension ByteBuffer {
    /// One line to send: `bytes` and the newline that frames them, written once into a
    /// buffer sized for both. Appending the newline to `bytes` first could copy a whole
    /// page of tasks again only to grow the array by one byte.
    init(line bytes: [UInt8]) {
        self = ByteBufferAllocator().buffer(capacity: bytes.count + 1)
        writeBytes(bytes)
        writeInteger(RPCFraming.newline)
    }

    /// The line answering, with no id, what cannot be answered otherwise (a connection over
    /// the limit, a line too long).
    init(errorLine error: RPCError) {
        self.init(line: JSONWriter.bytes(RPCResponse(id: .null, error: error).json))
    }
}
