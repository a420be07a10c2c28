import Foundation
import KaderFuzzing
import Synchronization

#if FUZZING
import CFuzzer

/// Hands control to libFuzzer, which calls `fuzzOneInput` with each input it tries.
@main
struct FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
    }
}

/// One input: a reply that breaks JSON-RPC 2.0 stops the run as a crash, as a real crash
/// does, leaving the input behind as `crash-…`. Exported under libFuzzer's name too, which
/// its runtime expects to find even when the driver is handed the callback.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let done = DispatchSemaphore(value: 0)
    let found = FoundProblems()
    Task {
        found.set(await FuzzHarness.problems(bytes))
        done.signal()
    }
    done.wait()
    if let problem = found.first { fatalError(problem) }
    return 0
}

/// Carries the harness's answer from its task back to libFuzzer's thread.
final class FoundProblems: Sendable {
    private let problems = Mutex<[String]>([])

    func set(_ found: [String]) { problems.withLock { $0 = found } }
    var first: String? { problems.withLock { $0.first } }
}
#else
/// Built without the fuzzer: replays the files named on the command line and says what is
/// wrong with each, so a crash file can be looked at under a debugger.
@main
struct ReplayFuzzInputs {
    static func main() async {
        var failed = false
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot read")
                failed = true
                continue
            }
            let problems = await FuzzHarness.problems(Array(data))
            print("\(path): \(problems.isEmpty ? "ok" : problems.joined(separator: "; "))")
            failed = failed || !problems.isEmpty
        }
        exit(failed ? 1 : 0)
    }
}
#endif
