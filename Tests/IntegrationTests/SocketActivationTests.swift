import Foundation
import KaderClient
import KaderRPC
import KaderTesting
import Testing

/// kaderd started the way systemd starts it from kaderd.socket: the listening socket is
/// made by someone else and passed as fd 3 (`systemd-socket-activate` does what the
/// socket unit does).
@Suite struct SocketActivationTests {
    @Test func servesThePassedSocketAndLeavesItsFileAlone() async throws {
        let directory = TemporaryDirectory()
        let socket = directory.file("activated.sock")
        let notify = try NotifyListener(directory: directory)
        let daemon = try await KaderdProcess(
            directory: directory,
            launcher: [
                "/usr/bin/systemd-socket-activate", "--listen", socket, "--fdname", "kaderd.socket",
                "--setenv", "NOTIFY_SOCKET=\(notify.path)",
            ],
            bindsSocket: false, waitUntilReady: false, waitForLine: "Listening on")

        // The first client is queued on the passed socket before kaderd even runs.
        let status = try await onThread {
            try RPCConnection(socketPath: socket, timeout: waitLimit).call("daemon.status", as: DaemonStatus.self)
        }
        #expect(status.pid == daemon.pid)
        #expect(status.socket == socket, "daemon.status names the passed socket")
        #expect(try await notify.next { $0 == "READY=1" } != nil, "\(notify.transcript)")
        #expect(try await daemon.logContains("serving the sockets passed by the service manager"), "\(daemon.log)")

        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit() == 0, "\(daemon.log)")
        var info = stat()
        #expect(lstat(socket, &info) == 0, "the socket file belongs to the service manager and stays")
        #expect(info.st_mode & S_IFMT == S_IFSOCK)
    }

    @Test func ignoresTheSocketOptionWhenASocketIsPassed() async throws {
        let directory = TemporaryDirectory()
        let passed = directory.file("passed.sock")
        let daemon = try await KaderdProcess(
            directory: directory, launcher: ["/usr/bin/systemd-socket-activate", "--listen", passed],
            waitUntilReady: false, waitForLine: "Listening on")
        let status = try await onThread {
            try RPCConnection(socketPath: passed, timeout: waitLimit).call("daemon.status", as: DaemonStatus.self)
        }
        #expect(status.socket == passed)
        #expect(!FileManager.default.fileExists(atPath: daemon.socket), "no socket of its own is bound")
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit() == 0)
    }
}

extension SocketActivationTests {
    @Test func refusesAPassedSocketItCannotServeWithStatus78() async throws {
        let directory = TemporaryDirectory()
        let datagram = directory.file("datagram.sock")
        let daemon = try await KaderdProcess(
            directory: directory, launcher: ["/usr/bin/systemd-socket-activate", "--datagram", "--listen", datagram],
            bindsSocket: false, waitUntilReady: false, waitForLine: "Listening on")
        // A datagram socket is activated by its first datagram.
        let sender = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(sender) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: datagram.utf8) }
        let sent = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                sendto(sender, "x", 1, 0, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        #expect(sent == 1)
        #expect(try await daemon.waitForExit() == 78)
        #expect(
            try await daemon.logContains("kaderd: the socket passed as fd 3 (unknown) is not a listening Unix stream socket"),
            "\(daemon.log)")
    }
}
