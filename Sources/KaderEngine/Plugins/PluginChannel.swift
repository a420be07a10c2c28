#if canImport(Glibc)
import Glibc
#endif

/// One end of the socket between kaderd and a plugin helper, carrying frames: a 4-byte
/// little-endian length, then that many bytes. kaderd's end is non-blocking and every read
/// and write has a deadline, since the helper may hang; the helper's end blocks.
struct PluginChannel {
    enum Failure: Error, Equatable {
        /// The deadline passed first.
        case timedOut
        /// The other end closed (the helper ended), or the socket failed.
        case closed
        /// A frame announced more bytes than the reader accepts.
        case tooLong(Int)
    }

    let fd: Int32

    /// Writes one frame, all of it, by `deadline` (nil: blocking).
    func write(_ payload: [UInt8], by deadline: ContinuousClock.Instant?) throws(Failure) {
        let count = UInt32(payload.count)
        var frame = [UInt8(truncatingIfNeeded: count), UInt8(truncatingIfNeeded: count >> 8),
            UInt8(truncatingIfNeeded: count >> 16), UInt8(truncatingIfNeeded: count >> 24)]
        frame += payload
        var sent = 0
        while sent < frame.count {
            let written = frame.withUnsafeBytes { bytes in
                send(fd, bytes.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
            }
            if written > 0 {
                sent += written
            } else if written < 0, errno == EINTR {
                continue
            } else if written < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                try wait(for: Int16(POLLOUT), by: deadline)
            } else {
                throw .closed
            }
        }
    }

    /// Reads one frame of at most `limit` bytes by `deadline` (nil: blocking).
    func read(limit: Int, by deadline: ContinuousClock.Instant?) throws(Failure) -> [UInt8] {
        let header = try read(exactly: 4, by: deadline)
        let count = Int(header[0]) | Int(header[1]) << 8 | Int(header[2]) << 16 | Int(header[3]) << 24
        guard count <= limit else { throw .tooLong(count) }
        return try read(exactly: count, by: deadline)
    }

    private func read(exactly count: Int, by deadline: ContinuousClock.Instant?) throws(Failure) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                recv(fd, buffer.baseAddress! + filled, count - filled, 0)
            }
            if got > 0 {
                filled += got
            } else if got < 0, errno == EINTR {
                continue
            } else if got < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                try wait(for: Int16(POLLIN), by: deadline)
            } else {
                throw .closed
            }
        }
        return bytes
    }

    /// Waits until the socket is ready for `events`, or the deadline passes.
    private func wait(for events: Int16, by deadline: ContinuousClock.Instant?) throws(Failure) {
        while true {
            var timeout: Int32 = -1
            if let deadline {
                let left = deadline - .now
                guard left > .zero else { throw .timedOut }
                let (seconds, attoseconds) = left.components
                timeout = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            }
            var watched = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&watched, 1, timeout)
            if ready > 0 { return }  // readable, writable, or closed: the next recv/send tells which
            if ready < 0, errno != EINTR { throw .closed }
        }
    }
}
