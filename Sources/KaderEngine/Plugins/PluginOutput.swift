#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Logging
import Synchronization

/// What a plugin helper writes on its stdout and stderr, logged line by line by kaderd with
/// the plugin's name (KADERD_PLUGIN in the journal): a plugin's own messages reach the
/// sysadmin without the helper holding any of the service's descriptors.
enum PluginOutput {
    /// Longer lines are cut: a plugin cannot flood one log entry.
    static let maximumLineBytes = 4096

    /// The last line a helper wrote: what a helper that ended while loading said last (a
    /// plugin's own error, the dynamic loader's) goes into the reason `kaderctl plugins` shows.
    final class Tail: Sendable {
        private let last = Mutex<String?>(nil)
        private let ended = DispatchSemaphore(value: 0)

        fileprivate func saw(_ line: String) { last.withLock { $0 = line } }
        fileprivate func closed() { ended.signal() }

        /// The last line, once the helper's output has closed (it ends with the helper), or
        /// what was read when `limit` ran out.
        func lastLine(waitingUpTo limit: Duration) -> String? {
            let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
            if ended.wait(timeout: .now() + seconds) == .success { ended.signal() }
            return last.withLock { $0 }
        }
    }

    /// Reads `fd` until the helper closes it, on a thread of its own; closes it then.
    static func forward(_ fd: Int32, plugin: String, logger: Logger) -> Tail {
        let tail = Tail()
        Thread {
            var pending: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            func emit(_ line: ArraySlice<UInt8>) {
                guard !line.isEmpty else { return }
                let text = String(decoding: line.prefix(maximumLineBytes), as: UTF8.self)
                tail.saw(text)
                logger.info("\(text)", metadata: ["plugin": "\(plugin)", "stream": "output"])
            }
            while true {
                let got = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { break }
                pending += buffer[..<got]
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    emit(pending[..<newline])
                    pending.removeSubrange(...newline)
                }
                if pending.count > maximumLineBytes {
                    emit(pending[...])
                    pending.removeAll()
                }
            }
            emit(pending[...])
            close(fd)
            tail.closed()
        }.start()
        return tail
    }
}
