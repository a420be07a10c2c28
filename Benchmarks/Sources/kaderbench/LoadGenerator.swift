import Foundation
import Glibc
import Synchronization

/// Closed-loop clients: each connection sends one request, waits for its reply, repeats,
/// for a fixed time. With a target rate, each connection paces its sends and a latency is
/// counted from when the request was due to go, so a stall is not hidden by sending less.
struct LoadGenerator {
    /// What drives the connections. Threads are the simplest client; on a machine with few
    /// cores they also compete with the server for them and wake more than they need to
    /// (see Benchmarks/README.md), so both are measured.
    enum Clients: Sendable {
        /// A thread a connection, blocked in `read` for each reply.
        case threads
        /// This many epoll loops sharing the connections, as wrk and memtier drive theirs.
        case eventLoops(Int)
    }

    var socketPath: String
    /// One request is sent again and again; several (each a different change) are shared
    /// out among the connections and each sent once.
    var requests: [[UInt8]]
    var framing: ReplyFraming
    var clients: Clients
    var connections: Int
    var seconds: Double
    /// Requests per second over all connections; nil sends as fast as replies come.
    var rate: Double?

    struct Result {
        var requests: Int
        var seconds: Double
        /// Sorted, in nanoseconds.
        var latencies: [UInt64]

        var throughput: Double { Double(requests) / seconds }
        func percentile(_ fraction: Double) -> Double {
            guard !latencies.isEmpty else { return .nan }
            let index = min(latencies.count - 1, Int((fraction * Double(latencies.count)).rounded(.up)) - 1)
            return Double(latencies[max(0, index)]) / 1000
        }
    }

    func run() -> Result {
        let collected = Mutex<[[UInt64]]>([])
        let started = monotonicNanos()
        let stopAt = started + UInt64(seconds * 1e9)
        let interval = rate.map { UInt64(Double(connections) / $0 * 1e9) }
        let threads: [Thread]
        switch clients {
        case .threads:
            threads = (0..<connections).map { index in
                Thread { [self] in
                    let latencies = self.client(index: index, stopAt: stopAt, interval: interval)
                    collected.withLock { $0.append(latencies) }
                }
            }
        case .eventLoops(let loops):
            threads = (0..<min(loops, connections)).map { loop in
                Thread { [self] in
                    let indices = Array(stride(from: loop, to: connections, by: loops))
                    let latencies = self.eventLoopClient(indices: indices, stopAt: stopAt, interval: interval)
                    collected.withLock { $0.append(latencies) }
                }
            }
        }
        threads.forEach { $0.start() }
        while collected.withLock({ $0.count }) < threads.count { usleep(1000) }
        let elapsed = Double(monotonicNanos() - started) / 1e9
        let all = collected.withLock { $0.flatMap { $0 } }.sorted()
        return Result(requests: all.count, seconds: elapsed, latencies: all)
    }

    /// When connection `index` sends first: paced connections are spread over one interval.
    func firstDue(index: Int, interval: UInt64?) -> UInt64 {
        monotonicNanos() + (interval.map { $0 * UInt64(index) / UInt64(connections) } ?? 0)
    }

    /// The request connection `index` sends as its `sent`-th, or nil once it has sent its
    /// share of a file of requests each sent once.
    func request(index: Int, sent: Int) -> [UInt8]? {
        if requests.count == 1 { return requests[0] }
        let next = index + sent * connections
        return next < requests.count ? requests[next] : nil
    }

    private func client(index: Int, stopAt: UInt64, interval: UInt64?) -> [UInt64] {
        var sent = 0
        var fd = UnixSocket.connect(socketPath)
        var reader = LineReader(fd: fd)
        var latencies: [UInt64] = []
        latencies.reserveCapacity(1 << 16)
        var due = firstDue(index: index, interval: interval)
        while true {
            if interval != nil {
                let now = monotonicNanos()
                if due > now { sleepNanos(due - now) }
            } else {
                due = monotonicNanos()
            }
            guard due < stopAt, let request = request(index: index, sent: sent) else { break }
            sent += 1
            var answered = UnixSocket.sendAll(fd, request) && reader.skip(framing)
            if !answered {
                // A server that closes after each reply (HTTP/1.0 style) is reconnected and the
                // reconnection counted in the latency, as a real client would pay it.
                close(fd)
                fd = UnixSocket.connect(socketPath)
                reader = LineReader(fd: fd)
                answered = UnixSocket.sendAll(fd, request) && reader.skip(framing)
                if !answered { fail("\(socketPath) does not answer") }
            }
            latencies.append(monotonicNanos() - due)
            if let interval { due += interval }
        }
        close(fd)
        return latencies
    }
}

func monotonicNanos() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

private func sleepNanos(_ nanos: UInt64) {
    var remaining = timespec(tv_sec: Int(nanos / 1_000_000_000), tv_nsec: Int(nanos % 1_000_000_000))
    var left = timespec()
    while nanosleep(&remaining, &left) != 0, errno == EINTR { remaining = left }
}
