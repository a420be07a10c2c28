import Foundation
import Glibc

/// The physical limit: a server with the daemon's framing (one line in, one line out) that
/// does no work, a thread per connection blocked in `read`, answering each line with itself.
enum EchoServer {
    static func run(path: String) -> Never {
        let listener = UnixSocket.listen(path)
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 { continue }
            let thread = Thread { serve(fd) }
            thread.start()
        }
    }

    private static func serve(_ fd: Int32) {
        var reader = LineReader(fd: fd)
        while let line = reader.nextLine() {
            var reply = line
            reply.append(UInt8(ascii: "\n"))
            if !UnixSocket.sendAll(fd, reply) { break }
        }
        close(fd)
    }
}
