import KaderRPC
import NIOCore

/// One unit of input from a connection. Package-wide: the fuzzer frames input as the server does.
package enum LineFrame: Sendable {
    /// A line without its terminating newline (and without a trailing `\r`).
    case line(ByteBuffer)
    /// A line already read as JSON-RPC on the event loop (by the handler that answers
    /// immediate methods there), handed on so that it is never parsed twice.
    case parsed(RPCInbound)
    /// The client sent more than the line limit without a newline. Nothing after this can be
    /// trusted to start at a message boundary, so the connection ends after the error reply.
    case tooLong
}

/// Splits the byte stream into lines, refusing to buffer more than `maxLineBytes` of one.
package struct LineFrameDecoder: ByteToMessageDecoder {
    package typealias InboundOut = LineFrame

    private enum State {
        case reading
        /// A too-long line was reported; everything else is dropped until the connection closes.
        case discarding
    }

    private let maxLineBytes: Int
    private var state = State.reading
    /// How many readable bytes are known to hold no newline, so a slowly arriving long line
    /// is scanned once, not once per read.
    private var scanned = 0

    package init(maxLineBytes: Int = RPCFraming.maxLineBytes) {
        self.maxLineBytes = maxLineBytes
    }

    package mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        switch state {
        case .discarding:
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            return .needMoreData
        case .reading:
            let view = buffer.readableBytesView
            guard let newline = view[(view.startIndex + scanned)...].firstIndex(of: RPCFraming.newline) else {
                scanned = view.count
                if scanned > maxLineBytes { reportTooLong(context: context, buffer: &buffer) }
                return .needMoreData
            }
            let length = newline - view.startIndex
            scanned = 0
            if length > maxLineBytes {
                reportTooLong(context: context, buffer: &buffer)
                return .needMoreData
            }
            var line = buffer.readSlice(length: length)!
            buffer.moveReaderIndex(forwardBy: 1)
            emit(&line, context: context)
            return .continue
        }
    }

    package mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        while try decode(context: context, buffer: &buffer) == .continue {}
        // A last line without its newline is still a line: `printf '…' | socat` sends one.
        if case .reading = state, buffer.readableBytes > 0 {
            var line = buffer.readSlice(length: buffer.readableBytes)!
            emit(&line, context: context)
        }
        return .needMoreData
    }

    private func emit(_ line: inout ByteBuffer, context: ChannelHandlerContext) {
        if line.readableBytesView.last == UInt8(ascii: "\r") {
            line.moveWriterIndex(to: line.writerIndex - 1)
        }
        // Blank lines (a person pressing Enter in `socat`) carry no message.
        guard line.readableBytesView.contains(where: { !isJSONWhitespace($0) }) else { return }
        context.fireChannelRead(wrapInboundOut(.line(line)))
    }

    private mutating func reportTooLong(context: ChannelHandlerContext, buffer: inout ByteBuffer) {
        state = .discarding
        buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        context.fireChannelRead(wrapInboundOut(.tooLong))
    }

    private func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "\n")
    }
}
