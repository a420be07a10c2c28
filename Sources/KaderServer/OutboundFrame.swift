import NIOCore

/// What a connection's serving task writes. Telling replies apart from the rest lets
/// `ImmediateAnswerHandler` know when every line it handed on has been answered.
enum OutboundFrame: Sendable {
    /// The reply to a line the task was handed; empty for a notification, which gets none.
    case reply(ByteBuffer)
    /// A stream's notification, or the message turning away a connection over the limit.
    case unsolicited(ByteBuffer)
}
