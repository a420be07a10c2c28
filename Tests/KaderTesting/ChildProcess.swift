import CSpawn
import Foundation
import Synchronization

/// A program the tests start: kaderd, kaderctl, systemd's tools, mount, python.
///
/// Not Foundation's `Process`: on Linux (Swift 6.3.1) it over-reads `/proc/self/fd` while
/// spawning and crashed about one suite run in six (swift-corelibs-foundation#5472).
/// swift-subprocess avoids that but is async only, and tests also wait for programs in
/// `deinit`. So: posix_spawn, as the shell would.
///
/// The child starts with an empty signal mask (the spawning thread may be a dispatch worker
/// that blocks most signals, and systemd starts services unmasked), in a process group of
/// its own, and with no descriptor of the test process but its three streams.
public final class ChildProcess: Sendable {
    /// Where one of the child's standard streams goes.
    public enum Stream: Sendable {
        case null
        case pipe
        /// A file read as standard input.
        case file(String)
    }

    public let pid: pid_t
    /// The write end of the child's standard input, when it is a pipe.
    public let input: PipeEnd?
    /// The read ends of the child's standard output and error, when they are pipes.
    public let output: PipeEnd?
    public let error: PipeEnd?
    /// The exit status once reaped; the lock is held while waiting, so one waiter reaps.
    private let exit = Mutex<Int32?>(nil)

    /// - Parameter environment: set for the child on top of the test runner's own, from
    ///   which what would point it at a kaderd or at systemd is taken out.
    public init(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:],
        input: Stream = .null, output: Stream = .null, error: Stream = .null
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var childEnds: [Int32] = []
        defer { for end in childEnds { _ = close(end) } }

        func attach(_ stream: Stream, as target: Int32) throws -> PipeEnd? {
            let childReads = target == STDIN_FILENO
            switch stream {
            case .null:
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", childReads ? O_RDONLY : O_WRONLY, 0)
                return nil
            case .file(let path):
                posix_spawn_file_actions_addopen(&actions, target, path, O_RDONLY, 0)
                return nil
            case .pipe:
                var ends: [Int32] = [-1, -1]
                guard cspawn_pipe(&ends) == 0 else { throw SpawnError(operation: "pipe", code: errno) }
                let (childEnd, ownEnd) = childReads ? (ends[0], ends[1]) : (ends[1], ends[0])
                childEnds.append(childEnd)
                posix_spawn_file_actions_adddup2(&actions, childEnd, target)
                return PipeEnd(descriptor: ownEnd)
            }
        }
        let inputEnd = try attach(input, as: STDIN_FILENO)
        let outputEnd = try attach(output, as: STDOUT_FILENO)
        let errorEnd = try attach(error, as: STDERR_FILENO)
        cspawn_addclosefrom(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var unmasked = sigset_t()
        sigemptyset(&unmasked)
        posix_spawnattr_setsigmask(&attributes, &unmasked)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = Self.environment(adding: environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        // glibc's posix_spawn reports a failed exec (a missing program) as its result.
        let failure = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard failure == 0 else { throw SpawnError(operation: "spawn \(executable)", code: failure) }
        self.pid = pid
        self.input = inputEnd
        self.output = outputEnd
        self.error = errorEnd
    }

    /// The test runner's environment plus `additions`, without what would point a child at
    /// a kaderd or make it believe systemd runs it (a runner started by systemd has both).
    private static func environment(adding additions: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["KADERD_SOCKET"] = nil
        for name in KaderdProcess.serviceManagerVariables { environment[name] = nil }
        environment.merge(additions) { _, new in new }
        return environment
    }

    /// Blocks until the program ends; its exit code, or the number of the signal that ended it.
    @discardableResult
    public func wait() -> Int32 {
        exit.withLock { status in
            if let status { return status }
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) == -1 && errno == EINTR {}
            let signal = raw & 0x7f
            let code = signal == 0 ? (raw >> 8) & 0xff : signal
            status = code
            return code
        }
    }

    deinit {
        // Nothing else holds the process now, so nobody is waiting: end it and reap it.
        if exit.withLock({ $0 }) == nil {
            kill(pid, SIGKILL)
            wait()
        }
    }
}

/// A system call the spawner made failed.
public struct SpawnError: Error, CustomStringConvertible {
    public let operation: String
    public let code: Int32
    public var description: String { "\(operation): \(String(cString: strerror(code)))" }
}
