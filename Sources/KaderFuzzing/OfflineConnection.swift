import KaderRPC
import KaderServer
import NIOCore
import NIOEmbedded

/// A connection's input taken through the server's own framing, parsing and dispatch, with
/// no socket: how the fuzzer and its corpus replay reach everything a client's bytes reach.
public enum OfflineConnection {
    /// The reply lines (without newlines) the server would send for `bytes` arriving on one
    /// connection that then closes.
    public static func replies(
        to bytes: [UInt8], dispatcher: RPCDispatcher, limits: ServerLimits, context: RPCContext
    ) async throws -> [[UInt8]] {
        var replies: [[UInt8]] = []
        for frame in try frames(of: bytes, maxLineBytes: limits.maxLineBytes) {
            switch frame {
            case .line(let line):
                // As the server does when no earlier line awaits its reply, which here none does.
                let inbound = RPCInbound(line: line.readableBytesView, maxDepth: limits.maxNestingDepth)
                if let answer = dispatcher.answerImmediately(inbound, context: context) {
                    if let reply = answer.reply { replies.append(reply) }
                } else if let reply = await dispatcher.handle(inbound, context: context) {
                    replies.append(reply)
                }
            case .tooLong:
                return replies
            case .parsed:
                // Made only by the event loop's handler, which this path has none of.
                continue
            }
        }
        return replies
    }

    private static func frames(of bytes: [UInt8], maxLineBytes: Int) throws -> [LineFrame] {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(LineFrameDecoder(maxLineBytes: maxLineBytes)))
        try channel.writeInbound(ByteBuffer(bytes: bytes))
        // The end of input, as a client closing sends it: a last line without newline counts.
        channel.pipeline.fireChannelInactive()
        var frames: [LineFrame] = []
        while let frame = try channel.readInbound(as: LineFrame.self) { frames.append(frame) }
        _ = try channel.finish(acceptAlreadyClosed: true)
        return frames
    }
}
