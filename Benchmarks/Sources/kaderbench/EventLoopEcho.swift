import CEpoll
import Foundation
import Glibc

/// The echo server again, shaped as kaderd is: one epoll loop a core, each reading every
/// connection that is ready and answering its lines at once, instead of a thread per
/// connection blocked in `read`. Same framing, no work: what is left between it and
/// `EchoServer` is what serving many connections from a few threads costs on this kernel.
enum EventLoopEcho {
    static func run(path: String, loops: Int) -> Never {
        let listener = UnixSocket.listen(path)
        let polls = (0..<loops).map { _ in epoll_create1(Int32(EPOLL_CLOEXEC)) }
        for poll in polls {
            Thread { serve(poll) }.start()
        }
        var next = 0
        while true {
            let fd = cepoll_accept_nonblocking(listener)
            if fd < 0 { continue }
            var event = epoll_event()
            event.events = EPOLLIN.rawValue
            event.data.fd = fd
            if epoll_ctl(polls[next % loops], EPOLL_CTL_ADD, fd, &event) != 0 { fail("epoll_ctl: \(errno)") }
            next += 1
        }
    }

    private static func serve(_ poll: Int32) {
        var events = [epoll_event](repeating: epoll_event(), count: 64)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        // What each connection sent after its last newline, to be answered with the rest of its line.
        var partial: [Int32: [UInt8]] = [:]
        while true {
            let ready = epoll_wait(poll, &events, Int32(events.count), -1)
            for index in 0..<max(Int(ready), 0) {
                let fd = events[index].data.fd
                let count = read(fd, &buffer, buffer.count)
                if count < 0, errno == EAGAIN || errno == EINTR { continue }
                guard count > 0 else {
                    epoll_ctl(poll, EPOLL_CTL_DEL, fd, nil)
                    close(fd)
                    partial[fd] = nil
                    continue
                }
                // Nearly always: whole lines, nothing left over from before. Echoed from the buffer.
                if partial.isEmpty, buffer[count - 1] == UInt8(ascii: "\n") {
                    _ = buffer.withUnsafeBytes { UnixSocket.sendAll(fd, UnsafeRawBufferPointer(rebasing: $0[..<count])) }
                    continue
                }
                var data = partial.removeValue(forKey: fd) ?? []
                data.append(contentsOf: buffer[0..<count])
                guard let last = data.lastIndex(of: UInt8(ascii: "\n")) else {
                    partial[fd] = data
                    continue
                }
                if last + 1 < data.count { partial[fd] = Array(data[(last + 1)...]) }
                _ = data.withUnsafeBytes { UnixSocket.sendAll(fd, UnsafeRawBufferPointer(rebasing: $0[...last])) }
            }
        }
    }
}
