import Glibc
import Synchronization

/// The test's end of a pipe to a child's standard stream; closed when released.
///
/// Reads and writes retry when a signal interrupts them: the Swift runtime signals every
/// thread while it prints a crash, and a pipe read must not turn that into a second failure.
public final class PipeEnd: Sendable {
    public let descriptor: Int32
    private let isOpen = Atomic<Bool>(true)

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Blocks until some bytes arrive; empty at the end of the stream.
    public func read() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 64 * 1024) { buffer, count in
            var got: Int
            repeat {
                got = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            } while got < 0 && errno == EINTR
            count = max(got, 0)
        }
    }

    /// Everything until the writer closes its end.
    public func readToEnd() -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let chunk = read()
            if chunk.isEmpty { return bytes }
            bytes += chunk
        }
    }

    /// Writes all of `bytes`; throws when the reader has gone.
    public func write(_ bytes: [UInt8]) throws {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes {
                Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw SpawnError(operation: "write to a child's input", code: errno)
            }
            written += result
        }
    }

    public func close() {
        if isOpen.exchange(false, ordering: .acquiringAndReleasing) { _ = Glibc.close(descriptor) }
    }

    deinit { close() }
}
