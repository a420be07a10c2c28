// Not all of Foundation: it would link ICU into kaderctl and slow every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension RPCMethodDescriptor {
    public static let eventsSubscribe = RPCMethodDescriptor(
        name: "events.subscribe",
        summary: """
            Streams every change after `since` as `events.event` notifications on this connection, \
            oldest first, none skipped, including those from before a restart; then follows new ones.             When kaderd stops, an `events.end` notification gives the seq to resume after.
            """,
        access: .read,
        params: [
            .integer("since", "The seq of the last event already seen (default: the newest, so only new events).", minimum: 0)
        ],
        result: .objectSchema(["since": ["type": "integer"], "head": ["type": "integer"]]))

    /// The notification each event arrives in.
    public static let eventNotification = "events.event"
    /// The last notification of a stream that ends because kaderd is stopping (a restart, an
    /// upgrade), with `EventsEnd`: subscribe again with `since` = `resume_after`.
    public static let eventsEndNotification = "events.end"
}

/// Why a stream of events ended, and where to resume it.
public struct EventsEnd: Codable, Sendable, Hashable {
    /// The seq of the last event sent on this stream (or the `since` it started from).
    public var resumeAfter: Int64
    public var reason: String

    public init(resumeAfter: Int64, reason: String) {
        self.resumeAfter = resumeAfter
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case resumeAfter = "resume_after"
        case reason
    }
}

public struct EventsSubscribeParams: Codable, Sendable, Hashable {
    public var since: Int64?
    public init(since: Int64? = nil) { self.since = since }
}

/// The reply to `events.subscribe`: events after `since` follow; `head` was the newest then.
public struct EventsSubscription: Codable, Sendable, Hashable {
    public var since: Int64
    public var head: Int64
    public init(since: Int64, head: Int64) {
        self.since = since
        self.head = head
    }
}

/// One change, as `events.event` carries it. `seq` is gap-free and increasing.
public struct EventInfo: Codable, Sendable, Hashable {
    public var seq: Int64
    public var at: Date
    /// task, workflow, cadre or daemon.
    public var entityKind: String
    public var entityID: String
    public var action: String
    public var detail: [String: String]
    public var uid: UInt32?
    public var agent: String

    public init(
        seq: Int64, at: Date, entityKind: String, entityID: String, action: String, detail: [String: String],
        uid: UInt32?, agent: String
    ) {
        self.seq = seq
        self.at = at
        self.entityKind = entityKind
        self.entityID = entityID
        self.action = action
        self.detail = detail
        self.uid = uid
        self.agent = agent
    }

    enum CodingKeys: String, CodingKey {
        case seq, at, action, detail, uid, agent
        case entityKind = "entity_kind"
        case entityID = "entity_id"
    }
}
