import CEpoll
import Glibc

extension LoadGenerator {
    /// One connection of an event-loop client: a request in flight or waiting to be due.
    private struct Connection {
        var index: Int
        /// Where it sits in the loop's array: its epoll data.
        var slot: Int
        var fd: Int32
        var buffer = ReplyBuffer()
        var sent = 0
        var due: UInt64
        var inFlight: [UInt8]?
        var finished = false
    }

    /// Drives the connections `indices` from one epoll loop on this thread, each closed-loop
    /// as a thread client drives its one: send, wait for the reply, send again.
    func eventLoopClient(indices: [Int], stopAt: UInt64, interval: UInt64?) -> [UInt64] {
        let poll = epoll_create1(Int32(EPOLL_CLOEXEC))
        defer { close(poll) }
        var connections = indices.enumerated().map { slot, index in
            Connection(index: index, slot: slot, fd: connectNonBlocking(), due: firstDue(index: index, interval: interval))
        }
        for connection in connections { watch(poll, connection) }
        var latencies: [UInt64] = []
        latencies.reserveCapacity(1 << 17)
        var active = connections.count
        var events = [epoll_event](repeating: epoll_event(), count: max(connections.count, 1))

        /// Sends the connection's next request if it is due; finishes it when its time or
        /// its share of requests is over.
        func sendIfDue(_ connection: inout Connection, now: UInt64) {
            if interval == nil { connection.due = now }
            guard connection.due < stopAt, let request = request(index: connection.index, sent: connection.sent) else {
                close(connection.fd)
                connection.finished = true
                active -= 1
                return
            }
            guard connection.due <= now else { return }
            connection.sent += 1
            connection.inFlight = request
            if !UnixSocket.sendAll(connection.fd, request) { reconnect(&connection) }
        }

        /// A server that closes after a reply (HTTP/1.0 style) is connected to again and the
        /// request in flight sent again, the reconnection counted in its latency.
        func reconnect(_ connection: inout Connection) {
            close(connection.fd)
            connection.fd = connectNonBlocking()
            watch(poll, connection)
            connection.buffer = ReplyBuffer()
            if let request = connection.inFlight, !UnixSocket.sendAll(connection.fd, request) {
                fail("\(socketPath) does not answer")
            }
        }

        let started = monotonicNanos()
        for slot in connections.indices { sendIfDue(&connections[slot], now: started) }
        while active > 0 {
            var timeout: Int64 = -1
            if interval != nil {
                let now = monotonicNanos()
                let next = connections.lazy.filter { !$0.finished && $0.inFlight == nil }.map(\.due).min()
                if let next { timeout = next > now ? Int64(next - now) : 0 }
            }
            let ready = cepoll_wait_nanos(poll, &events, Int32(events.count), timeout)
            if ready < 0, errno != EINTR { fail("epoll_wait: \(errno)") }
            for event in events.prefix(Int(max(ready, 0))) {
                let slot = Int(event.data.u64)
                let count = connections[slot].buffer.read(from: connections[slot].fd)
                if count < 0, errno == EAGAIN || errno == EINTR { continue }
                if count <= 0 {
                    reconnect(&connections[slot])
                    continue
                }
                guard connections[slot].buffer.take(framing) != nil else { continue }
                let now = monotonicNanos()
                latencies.append(now - connections[slot].due)
                connections[slot].inFlight = nil
                if let interval { connections[slot].due += interval }
                sendIfDue(&connections[slot], now: now)
            }
            if interval != nil {
                let now = monotonicNanos()
                for slot in connections.indices where !connections[slot].finished && connections[slot].inFlight == nil {
                    sendIfDue(&connections[slot], now: now)
                }
            }
        }
        return latencies
    }

    private func connectNonBlocking() -> Int32 {
        let fd = UnixSocket.connect(socketPath)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        return fd
    }

    private func watch(_ poll: Int32, _ connection: Connection) {
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.u64 = UInt64(connection.slot)
        if epoll_ctl(poll, EPOLL_CTL_ADD, connection.fd, &event) != 0 { fail("epoll_ctl: \(errno)") }
    }
}
