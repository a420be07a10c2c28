import Foundation
import KaderClient

/// The real `kaderd` binary, started on a socket of its own in a temporary folder.
public final class KaderdProcess: Sendable {
    public let socket: String
    public let stateDir: String
    public let pid: Int32
    /// Held so the folder (and the socket in it) lives as long as the daemon.
    public let directory: TemporaryDirectory
    private let process: Process
    private let stderr: OutputSink

    /// Starts kaderd and returns once it says it is ready (it logs that after it listens).
    public init(
        directory: TemporaryDirectory, arguments: [String] = [], environment: [String: String] = [:]
    ) async throws {
        self.directory = directory
        socket = directory.file("kaderd.sock")
        stateDir = directory.file("state")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Binaries.path("kaderd"))
        process.arguments = ["--socket", socket, "--state-dir", stateDir, "--config", Self.emptyConfig(in: directory)]
            + arguments
        var env = ProcessInfo.processInfo.environment
        env["KADERD_SOCKET"] = nil
        env.merge(environment) { _, new in new }
        process.environment = env
        let errPipe = Pipe()
        process.standardError = errPipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        self.process = process
        self.pid = process.processIdentifier

        let sink = OutputSink()
        self.stderr = sink
        let lines = AsyncStream<String> { continuation in
            Thread {
                let handle = errPipe.fileHandleForReading
                var pending = ""
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    sink.append(chunk)
                    pending += String(decoding: chunk, as: UTF8.self)
                    while let newline = pending.firstIndex(of: "\n") {
                        continuation.yield(String(pending[..<newline]))
                        pending = String(pending[pending.index(after: newline)...])
                    }
                }
                continuation.finish()
            }.start()
        }
        for await line in lines where line.contains(" ready") {
            return
        }
        _ = try await waitForExit()
        throw StartFailure(status: process.terminationStatus, stderr: sink.text)
    }

    /// An empty config, so a kaderd.toml installed on the machine never leaks into a test.
    private static func emptyConfig(in directory: TemporaryDirectory) -> String {
        let path = directory.file("kaderd.toml")
        _ = FileManager.default.createFile(atPath: path, contents: Data("# test: all defaults\n".utf8))
        return path
    }

    /// Everything the daemon has written to stderr so far.
    public var log: String { stderr.text }

    public func signal(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Waits for the process to end and returns its exit status.
    public func waitForExit() async throws -> Int32 {
        let process = self.process
        return try await onThread {
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    public func connect() throws -> RPCConnection {
        try RPCConnection(socketPath: socket, timeout: 10)
    }

    deinit {
        if process.isRunning { kill(pid, SIGKILL) }
    }

    public struct StartFailure: Error, CustomStringConvertible {
        public let status: Int32
        public let stderr: String
        public var description: String { "kaderd exited with \(status) before it was ready:\n\(stderr)" }
    }
}
