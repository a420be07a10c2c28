import Foundation
import KaderClient

/// The real `kaderd` binary, started on a socket of its own in a temporary folder.
public final class KaderdProcess: Sendable {
    public let socket: String
    public let stateDir: String
    public let pid: Int32
    /// Held so the folder (and the socket in it) lives as long as the daemon.
    public let directory: TemporaryDirectory
    private let process: ChildProcess
    private let stderr: Transcript

    /// Starts kaderd and returns once it says it is ready (it logs that after it listens).
    ///
    /// - Parameters:
    ///   - launcher: a command that runs kaderd (`systemd-socket-activate -l …`, `unshare …`),
    ///     given kaderd's path and arguments after its own.
    ///   - bindsSocket: whether to pass `--socket`; not when the launcher passes one.
    ///   - waitUntilReady: whether to wait for the "ready" log line; not when the log goes
    ///     elsewhere or the launcher waits for a first client before starting kaderd.
    ///   - waitForLine: when not waiting until ready, a line on stderr to wait for instead
    ///     (the launcher saying it listens).
    ///   - config: kaderd.toml's text; by default, the store of the backend under test.
    public init(
        directory: TemporaryDirectory, config: String? = nil, arguments: [String] = [], environment: [String: String] = [:],
        launcher: [String] = [], bindsSocket: Bool = true, waitUntilReady: Bool = true, waitForLine: String? = nil
    ) async throws {
        self.directory = directory
        socket = directory.file("kaderd.sock")
        stateDir = directory.file("state")
        let daemonArguments =
            (bindsSocket ? ["--socket", socket] : [])
            + ["--state-dir", stateDir, "--config", try await Self.config(config, in: directory)] + arguments
        let executable: String
        let commandArguments: [String]
        if let command = launcher.first {
            executable = command
            commandArguments = Array(launcher.dropFirst()) + [try Binaries.path("kaderd")] + daemonArguments
        } else {
            executable = try Binaries.path("kaderd")
            commandArguments = daemonArguments
        }
        // Never the test runner's own input: a child that waited on it would hang the suite.
        let process = try ChildProcess(
            executable, commandArguments, environment: environment, error: .pipe)
        self.process = process
        self.pid = process.pid

        let sink = Transcript()
        self.stderr = sink
        // The reader holds the pipe, not the process, so releasing this object still ends kaderd.
        let errors = process.error!
        let lines = AsyncStream<String> { continuation in
            Thread {
                var pending = ""
                while true {
                    let chunk = errors.read()
                    if chunk.isEmpty { break }
                    sink.append(Data(chunk))
                    pending += String(decoding: chunk, as: UTF8.self)
                    while let newline = pending.firstIndex(of: "\n") {
                        continuation.yield(String(pending[..<newline]))
                        pending = String(pending[pending.index(after: newline)...])
                    }
                }
                continuation.finish()
            }.start()
        }
        // The reader thread collects stderr either way; unread lines stay buffered in the stream.
        let awaited = waitUntilReady ? " ready" : waitForLine
        guard let awaited else { return }
        for await line in lines where line.contains(awaited) {
            return
        }
        let status = try await waitForExit()
        throw StartFailure(status: status, stderr: sink.text)
    }

    /// What systemd sets for the processes it runs; kaderd acts on each of them.
    public static let serviceManagerVariables = [
        "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES",
        "INVOCATION_ID", "JOURNAL_STREAM", "RUNTIME_DIRECTORY", "STATE_DIRECTORY",
    ]

    /// A config of defaults but the test's store (`TestBackend`), so a kaderd.toml installed
    /// on the machine never leaks into a test.
    private static func config(_ given: String?, in directory: TemporaryDirectory) async throws -> String {
        let path = directory.file("kaderd.toml")
        var text = given ?? "# test: all defaults but the store\n"
        if given == nil { text += try await TestBackend.configLines(for: directory) }
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// Everything the daemon has written to stderr so far.
    public var log: String { stderr.text }

    /// Waits until the daemon has written `text` to stderr; false after `timeout` seconds.
    public func logContains(_ text: String, timeout: Double = waitLimit) async throws -> Bool {
        let stderr = self.stderr
        return try await onThread { stderr.wait(for: text, timeout: timeout) }
    }

    public func signal(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Waits for the process to end and returns its exit status.
    public func waitForExit() async throws -> Int32 {
        let process = self.process
        return try await onThread { process.wait() }
    }

    /// A connection whose calls wait 30 s for a reply, as every wait for what must happen
    /// does here: beside the whole suite under libfaketime, a thousand registrations took
    /// more than 10 s now and then on two cores.
    public func connect() throws -> RPCConnection {
        try RPCConnection(socketPath: socket, timeout: 30)
    }

    public struct StartFailure: Error, CustomStringConvertible {
        public let status: Int32
        public let stderr: String
        public var description: String { "kaderd exited with \(status) before it was ready:\n\(stderr)" }
    }
}
