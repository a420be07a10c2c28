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
    try await onThread { try runBlocking(executable, arguments, environment: environment, input: input) }
}

/// Runs a program to completion on the calling thread; its input is `input`, else the file
/// at `inputFile`, else nothing.
public func runBlocking(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:],
    input: String? = nil, inputFile: String? = nil
) throws -> ProcessResult {
    let child = try ChildProcess(
        executable, arguments, environment: environment,
        input: inputFile.map { .file($0) } ?? .pipe, output: .pipe, error: .pipe)
    if let input { try? child.input?.write(Array(input.utf8)) }
    child.input?.close()
    // Read both pipes to the end before waiting, so a chatty program never blocks on a full pipe.
    let errors = child.error!
    let errData = OutputSink()
    let errDone = DispatchSemaphore(value: 0)
    Thread {
        errData.append(Data(errors.readToEnd()))
        errDone.signal()
    }.start()
    let outData = child.output!.readToEnd()
    errDone.wait()
    return ProcessResult(
        status: child.wait(),
        stdout: String(decoding: outData, as: UTF8.self),
        stderr: errData.text)
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
