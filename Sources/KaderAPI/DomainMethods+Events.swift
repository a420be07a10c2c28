import CoreMetrics
import KaderEngine
import KaderRPC
import KaderServer
import KaderStore

extension DomainMethods {
    /// Events come from the store's history, read at the subscriber's own pace: a slow or
    /// reconnecting subscriber is caught up from disk, never skipped, and costs no memory.
    var eventMethods: [RPCMethod] {
        [
            method(.eventsSubscribe) { (params: EventsSubscribeParams, call) in
                let service = self.service
                let streamed = self.eventsStreamed
                let head = service.latestEvent
                let since = params.since ?? head
                guard since <= head else {
                    throw RPCError.invalidParams(
                        "since is ahead of the newest event",
                        fields: [RPCFieldError(field: "since", message: "\(since) is after the newest event, \(head)")])
                }
                try call.context.openStream { notifier in
                    var cursor = since
                    do {
                        try await Self.follow(service, from: &cursor, to: notifier, counting: streamed)
                    } catch where Task.isCancelled {
                        // The client left, or kaderd is stopping.
                    }
                    guard notifier.daemonIsStopping else { return }
                    let end = EventsEnd(resumeAfter: cursor, reason: "kaderd is stopping; subscribe again with since = resume_after")
                    await notifier.farewell(RPCMethodDescriptor.eventsEndNotification, params: try JSONValue(encoding: end))
                }
                return EventsSubscription(since: since, head: head)
            }
        ]
    }

    /// Sends the events after `cursor` as they are written, until cancelled; `cursor` is the
    /// seq of the last one sent.
    private static func follow(
        _ service: WorkflowService, from cursor: inout Int64, to notifier: RPCNotifier, counting streamed: Counter
    ) async throws {
        while !Task.isCancelled {
            let after = cursor
            let batch: [HistoryEntry]
            do {
                batch = try await service.events(after: after, limit: 256)
            } catch StoreError.unreachable {
                // The database is restarting or the connection was cut: the stream waits
                // and reads on from where it was, losing nothing.
                try await Task.sleep(for: .seconds(1))
                continue
            }
            if batch.isEmpty {
                await service.waitForEvents(after: cursor)
                continue
            }
            let events = try batch.map { entry in
                try JSONValue(
                    encoding: EventInfo(
                        seq: entry.seq, at: entry.at, entityKind: entry.entityKind, entityID: entry.entityID,
                        action: entry.action, detail: entry.detail, uid: entry.caller.uid, agent: entry.caller.agent))
            }
            // Counted as they are handed over: whoever has an event sees it counted.
            streamed.increment(by: Int64(events.count))
            try await notifier.notify(RPCMethodDescriptor.eventNotification, each: events)
            cursor = batch[batch.count - 1].seq
        }
    }
}
