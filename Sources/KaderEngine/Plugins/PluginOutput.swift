#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Logging

/// What a plugin helper writes on its stdout and stderr, logged line by line by kaderd with
/// the plugin's name (KADERD_PLUGIN in the journal): a plugin's own messages reach the
/// sysadmin without the helper holding any of the service's descriptors.
enum PluginOutput {
    /// Longer lines are cut: a plugin cannot flood one log entry.
    static let maximumLineBytes = 4096

    /// Reads `fd` until the helper closes it, on a thread of its own; closes it then.
    static func forward(_ fd: Int32, plugin: String, logger: Logger) {
        Thread {
            var pending: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            func emit(_ line: ArraySlice<UInt8>) {
                guard !line.isEmpty else { return }
                logger.info(
                    "\(String(decoding: line.prefix(maximumLineBytes), as: UTF8.self))",
                    metadata: ["plugin": "\(plugin)", "stream": "output"])
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
        }.start()
    }
}
