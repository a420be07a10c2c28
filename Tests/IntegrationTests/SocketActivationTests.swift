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
            try RPCConnection(socketPath: socket, timeout: 20).call("daemon.status", as: DaemonStatus.self)
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
            try RPCConnection(socketPath: passed, timeout: 20).call("daemon.status", as: DaemonStatus.self)
        }
        #expect(status.socket == passed)
        #expect(!FileManager.default.fileExists(atPath: daemon.socket), "no socket of its own is bound")
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit() == 0)
    }
}
