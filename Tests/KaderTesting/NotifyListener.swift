import Foundation

/// Plays systemd's side of `sd_notify`: set `NOTIFY_SOCKET` to `path` and read what the
/// daemon tells its service manager, message by message, in order.
public final class NotifyListener: Sendable {
    public let path: String
    private let socket: DatagramListener
    private let received = OutputSink()

    public init(directory: TemporaryDirectory) throws {
        path = directory.file("notify")
        socket = try DatagramListener(path: path)
    }

    public var environment: [String: String] { ["NOTIFY_SOCKET": path] }

    /// The next message (`READY=1`, `STATUS=…`), or nil when none comes within `timeout`.
    public func next(timeout: Double = waitLimit) async throws -> String? {
        let socket = self.socket
        let received = self.received
        return try await onThread {
            guard let bytes = try socket.receive(timeout: timeout) else { return nil }
            let text = String(decoding: bytes, as: UTF8.self)
            received.append(Data((text + "\n---\n").utf8))
            return text
        }
    }

    /// Skips messages until one satisfies `matches` (WATCHDOG=1 and STATUS= come at any time);
    /// nil when none does within `timeout`.
    ///
    /// A message already queued still counts once the deadline has passed: beside a busy
    /// suite this task may resume late, and the READY=1 behind a STATUS= must not be lost.
    public func next(timeout: Double = waitLimit, where matches: (String) -> Bool) async throws -> String? {
        let deadline = ContinuousClock.now + .seconds(timeout)
        while true {
            let left = max(.zero, deadline - ContinuousClock.now)
            let seconds = Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
            guard let message = try await next(timeout: seconds) else { return nil }
            if matches(message) { return message }
        }
    }

    /// Every message received so far, for failure reports.
    public var transcript: String { received.text }
}
