import NIOCore

/// Answers each line with itself, as `kaderbench echo` does, from inside a SwiftNIO
/// pipeline: one handler, replies to one read flushed together, as kaderd flushes them.
final class LineEchoHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// What arrived after the last newline, answered once the rest of its line comes.
    private var partial = ByteBuffer()
    private var needsFlush = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        // Nearly always: whole lines, nothing left over from before. Echoed as read.
        if partial.readableBytes == 0, bytes.readableBytesView.last == UInt8(ascii: "\n") {
            reply(bytes, context: context)
            return
        }
        partial.writeBuffer(&bytes)
        guard let last = partial.readableBytesView.lastIndex(of: UInt8(ascii: "\n")) else { return }
        reply(partial.readSlice(length: last + 1 - partial.readerIndex)!, context: context)
        partial.discardReadBytes()
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        guard needsFlush else { return }
        needsFlush = false
        context.flush()
    }

    private func reply(_ lines: ByteBuffer, context: ChannelHandlerContext) {
        context.write(wrapOutboundOut(lines), promise: nil)
        needsFlush = true
    }
}
