import KaderRPC
import NIOCore

/// Answers requests for immediate methods (`daemon.status`, `rpc.discover`) on the event
/// loop that read them, and hands every other line on to the connection's serving task.
///
/// An echo server answers on the thread that read the line; going through the serving task
/// costs two thread hops each way, which for a call answered from memory is most of its
/// time. Order is kept: a line is answered here only when every line handed on before it
/// has been answered, and only while the socket takes writes, so a client that does not
/// read its replies is slowed by the serving task's back-pressure as before.
final class ImmediateAnswerHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = LineFrame
    typealias InboundOut = LineFrame
    typealias OutboundIn = OutboundFrame
    typealias OutboundOut = ByteBuffer

    private enum State {
        /// The caller's groups are still being looked up: every line goes to the serving task.
        case waitingForContext
        case answering(RPCContext)
    }

    private let dispatcher: RPCDispatcher
    private let maxNestingDepth: Int
    private var state = State.waitingForContext
    /// Lines handed on whose replies have not been written yet.
    private var unanswered = 0
    private var needsFlush = false

    init(dispatcher: RPCDispatcher, maxNestingDepth: Int) {
        self.dispatcher = dispatcher
        self.maxNestingDepth = maxNestingDepth
    }

    /// Starts answering, now that the caller is known.
    func enable(context: RPCContext) {
        state = .answering(context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .line(let line) = unwrapInboundIn(data), unanswered == 0, context.channel.isWritable,
            case .answering(let rpcContext) = state
        {
            let inbound = RPCInbound(line: line.readableBytesView, maxDepth: maxNestingDepth)
            if let answer = dispatcher.answerImmediately(inbound, context: rpcContext) {
                if let reply = answer.reply { write(reply, context: context) }
                return
            }
            unanswered += 1
            context.fireChannelRead(wrapInboundOut(.parsed(inbound)))
            return
        }
        unanswered += 1
        context.fireChannelRead(data)
    }

    /// Replies to lines read together go out together.
    func channelReadComplete(context: ChannelHandlerContext) {
        flushIfNeeded(context: context)
        context.fireChannelReadComplete()
    }

    /// A last line without its newline is framed when the input closes, with no read to complete.
    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        flushIfNeeded(context: context)
        context.fireUserInboundEventTriggered(event)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .reply(let bytes):
            unanswered -= 1
            if bytes.readableBytes == 0 {
                promise?.succeed(())
            } else {
                context.write(wrapOutboundOut(bytes), promise: promise)
            }
        case .unsolicited(let bytes):
            context.write(wrapOutboundOut(bytes), promise: promise)
        }
    }

    private func write(_ reply: [UInt8], context: ChannelHandlerContext) {
        context.write(wrapOutboundOut(ByteBuffer(line: reply)), promise: nil)
        needsFlush = true
    }

    private func flushIfNeeded(context: ChannelHandlerContext) {
        guard needsFlush else { return }
        needsFlush = false
        context.flush()
    }
}
