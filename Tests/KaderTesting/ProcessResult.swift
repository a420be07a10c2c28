import Foundation
import Synchronization

/// How a finished program ended and what it printed.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// Runs a program to completion with the given environment additions and input.
public func run(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:], input: String? = nil
) async throws -> ProcessResult {
    try await onThread {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["KADERD_SOCKET"] = nil
        for name in KaderdProcess.serviceManagerVariables { env[name] = nil }
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a chatty program never blocks on a full pipe.
        let errData = OutputSink()
        let errDone = DispatchSemaphore(value: 0)
        Thread {
            errData.append(err.fileHandleForReading.readDataToEndOfFile())
            errDone.signal()
        }.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errDone.wait()
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: errData.text)
    }
}

/// Bytes a reader thread collects from a pipe, readable from any thread.
public final class OutputSink: Sendable {
    private let data = Mutex(Data())

    public init() {}

    public func append(_ chunk: Data) {
        data.withLock { $0.append(chunk) }
    }

    public var text: String {
        data.withLock { String(decoding: $0, as: UTF8.self) }
    }
}
