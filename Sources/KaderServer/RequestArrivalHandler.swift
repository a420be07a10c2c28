import NIOCore

/// Marks a connection busy the moment a request line is framed, before the serving task
/// has picked it up, which under load can take longer than the idle timeout.
final class RequestArrivalHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = LineFrame
    typealias InboundOut = LineFrame

    private let activity: ConnectionActivity

    init(activity: ConnectionActivity) {
        self.activity = activity
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .line, .parsed: activity.begin()
        case .tooLong: break
        }
        context.fireChannelRead(data)
    }
}
