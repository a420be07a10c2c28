import Foundation

/// Plays journald's side of the native journal protocol on a socket of its own: each
/// datagram is one entry of `NAME=value\n` fields, or, for values with newlines,
/// `NAME\n` + a 64-bit little-endian length + the value + `\n`.
///
/// libsystemd always sends to /run/systemd/journal/socket, so a test runs the daemon in a
/// mount namespace where that folder is `directory` (see `namespaceLauncher`).
public final class JournalListener: Sendable {
    public let directory: String
    private let socket: DatagramListener

    public init(directory: TemporaryDirectory) throws {
        self.directory = directory.file("journal")
        try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
        socket = try DatagramListener(path: self.directory + "/socket")
    }

    /// Runs a command with this listener as the journal: a private mount namespace with a
    /// tmpfs on /run and `directory` bound on /run/systemd/journal. Needs root.
    public var namespaceLauncher: [String] {
        [
            "/usr/bin/unshare", "--mount", "--propagation", "private", "/bin/sh", "-c",
            #"mount -t tmpfs tmpfs /run && mkdir -p /run/systemd/journal && mount --bind "$0" /run/systemd/journal && exec "$@""#,
            directory,
        ]
    }

    /// The next entry whose fields satisfy `matches`, or nil when none arrives within `timeout`.
    public func next(timeout: Double = waitLimit, where matches: @escaping @Sendable ([String: String]) -> Bool) async throws
        -> [String: String]?
    {
        let socket = self.socket
        return try await onThread {
            let deadline = Date().addingTimeInterval(timeout)
            while case let left = deadline.timeIntervalSinceNow, left > 0 {
                guard let datagram = try socket.receive(timeout: left) else { return nil }
                let entry = Self.parse(datagram)
                if matches(entry) { return entry }
            }
            return nil
        }
    }

    public static func parse(_ datagram: [UInt8]) -> [String: String] {
        var fields: [String: String] = [:]
        var index = 0
        while index < datagram.count {
            guard let end = datagram[index...].firstIndex(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "=") })
            else { break }
            let name = String(decoding: datagram[index..<end], as: UTF8.self)
            if datagram[end] == UInt8(ascii: "=") {
                let valueEnd = datagram[(end + 1)...].firstIndex(of: UInt8(ascii: "\n")) ?? datagram.count
                fields[name] = String(decoding: datagram[(end + 1)..<valueEnd], as: UTF8.self)
                index = valueEnd + 1
            } else {
                let lengthStart = end + 1
                guard lengthStart + 8 <= datagram.count else { break }
                var length = 0
                for (shift, byte) in datagram[lengthStart..<(lengthStart + 8)].enumerated() {
                    length |= Int(byte) << (8 * shift)
                }
                let valueStart = lengthStart + 8
                let valueEnd = min(valueStart + length, datagram.count)
                fields[name] = String(decoding: datagram[valueStart..<valueEnd], as: UTF8.self)
                index = valueEnd + 1
            }
        }
        return fields
    }
}
