import Foundation
import KaderClient
import KaderRPC
import KaderTesting
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// One kaderd per state folder: a second one on the same folder exits 75 naming the first,
/// before it touches the store or a socket, even when both start at the same instant.
@Suite struct StateLockTests {
    @Test func aSecondDaemonOnTheSameStateFolderExits75AndTouchesNothing() async throws {
        let directory = TemporaryDirectory()
        let first = try await KaderdProcess(directory: directory)
        let before = try FolderSnapshot(first.stateDir)
        let socket = directory.file("second.sock")
        let second = try LaunchedKaderd(
            kaderd: try Binaries.path("kaderd"), socket: socket, stateDir: first.stateDir,
            config: try Self.emptyConfig(in: directory))
        // A second daemon that waited on the lock instead would hit outcome()'s wait limit.
        // (Its time is not bounded here: beside the suite in CI, the refusal once took 10.5 s.)
        let outcome = try await second.outcome()

        #expect(outcome == .exited(status: 75, stderr: Self.refusal(stateDir: first.stateDir, holder: first.pid)))
        #expect(!FileManager.default.fileExists(atPath: socket), "the second daemon bound no socket")
        let after = try FolderSnapshot(first.stateDir)
        #expect(after == before, "the state folder changed:\nbefore \(before)\nafter  \(after)")
        #expect(after.entries["kaderd.lock"]?.content == Data("\(first.pid)\n".utf8))
        let status = try await onThread { try first.connect().call("daemon.status") }
        #expect(status["pid"] == .number(JSONNumber(Int(first.pid))))
    }

    /// The state folder is checked before the socket: the message is about the store.
    @Test func aSecondDaemonOnTheSameSocketTooIsRefusedForTheStore() async throws {
        let directory = TemporaryDirectory()
        let first = try await KaderdProcess(directory: directory)
        let second = try LaunchedKaderd(
            kaderd: try Binaries.path("kaderd"), socket: first.socket, stateDir: first.stateDir,
            config: try Self.emptyConfig(in: directory))

        #expect(
            try await second.outcome()
                == .exited(status: 75, stderr: Self.refusal(stateDir: first.stateDir, holder: first.pid)))
        let status = try await onThread { try first.connect().call("daemon.status") }
        #expect(status["pid"] == .number(JSONNumber(Int(first.pid))))
    }

    /// The holder is named from /proc/locks, which is right from the moment the lock is
    /// taken, and not from the file, which it writes only afterwards: here a stale pid.
    @Test func theHolderIsNamedByTheKernelNotByTheFile() async throws {
        let directory = TemporaryDirectory()
        let stateDir = directory.file("state")
        try FileManager.default.createDirectory(atPath: stateDir, withIntermediateDirectories: false)
        let lockPath = stateDir + "/kaderd.lock"
        try "999999\n".write(toFile: lockPath, atomically: false, encoding: .utf8)
        let descriptor = open(lockPath, O_RDWR | O_CLOEXEC)
        defer { close(descriptor) }
        try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let second = try LaunchedKaderd(
            kaderd: try Binaries.path("kaderd"), socket: directory.file("kaderd.sock"), stateDir: stateDir,
            config: Self.emptyConfig(in: directory))

        #expect(
            try await second.outcome() == .exited(status: 75, stderr: Self.refusal(stateDir: stateDir, holder: getpid())))
        #expect(try FileManager.default.contentsOfDirectory(atPath: stateDir) == ["kaderd.lock"])
        #expect(try String(contentsOfFile: lockPath, encoding: .utf8) == "999999\n")
    }

    @Test func theLockEndsWithTheDaemonEvenOnKill9() async throws {
        let directory = TemporaryDirectory()
        let killed = try await KaderdProcess(directory: directory)
        killed.signal(SIGKILL)
        #expect(try await killed.waitForExit() == SIGKILL)
        let restarted = try await KaderdProcess(directory: directory)
        let status = try await onThread { try restarted.connect().call("daemon.status") }
        #expect(status["pid"] == .number(JSONNumber(Int(restarted.pid))))
        let lock = try Data(contentsOf: URL(fileURLWithPath: restarted.stateDir + "/kaderd.lock"))
        #expect(lock == Data("\(restarted.pid)\n".utf8))
    }

    /// Two daemons on one folder (and two sockets), released from one gate at once, 20 times:
    /// each time exactly one serves and the other exits 75 naming it, having said and made
    /// nothing else.
    @Test func twoDaemonsStartedTogetherLeaveExactlyOneServing() async throws {
        let kaderd = try Binaries.path("kaderd")
        for round in 1...20 {
            let directory = TemporaryDirectory()
            let config = try Self.emptyConfig(in: directory)
            let stateDir = directory.file("state")
            let gate = try Gate(in: directory)
            let daemons = try ["one.sock", "two.sock"].map { name in
                try LaunchedKaderd(
                    kaderd: kaderd, socket: directory.file(name), stateDir: stateDir, config: config, gate: gate)
            }
            try await onThread { try gate.waitForArrivals(daemons.count, timeout: waitLimit) }
            gate.release()
            async let firstOutcome = daemons[0].outcome()
            async let secondOutcome = daemons[1].outcome()
            let outcomes = try await [firstOutcome, secondOutcome]

            let logs = zip(daemons, outcomes).map { "pid \($0.pid): \($1)" }.joined(separator: "\n")
            let serving = outcomes.indices.filter { outcomes[$0] == .ready }
            try #require(serving.count == 1, "round \(round): \(serving.count) daemons serve\n\(logs)")
            let winner = daemons[serving[0]]
            let loser = daemons[1 - serving[0]]
            #expect(
                outcomes[1 - serving[0]]
                    == .exited(status: 75, stderr: Self.refusal(stateDir: stateDir, holder: winner.pid)),
                "round \(round)\n\(logs)")
            #expect(!FileManager.default.fileExists(atPath: loser.socket), "round \(round): the loser made a socket")
            let status = try await onThread {
                try RPCConnection(socketPath: winner.socket, timeout: 10).call("daemon.status")
            }
            #expect(status["pid"] == .number(JSONNumber(Int(winner.pid))), "round \(round)")
            kill(winner.pid, SIGTERM)
            #expect(try await winner.exitStatus() == 0, "round \(round): \(winner.log)")
        }
    }

    /// An empty config, so a kaderd.toml installed on the machine never leaks into a test.
    private static func emptyConfig(in directory: TemporaryDirectory) throws -> String {
        let path = directory.file("kaderd.toml")
        try "# test: all defaults\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private static func refusal(stateDir: String, holder: Int32) -> String {
        "kaderd: the state folder \(stateDir) is in use by another kaderd (pid \(holder), lock \(stateDir)/kaderd.lock); "
            + "one daemon serves one store\n"
    }
}

/// What a state folder holds, to tell whether anything in it changed: each file's size and
/// modification time, and the bytes of the database, its log and the lock file. Not the
/// `-shm` index's time: the running daemon's reads touch it through a shared mapping.
private struct FolderSnapshot: Equatable, CustomStringConvertible {
    struct Entry: Equatable {
        let size: Int64
        let modified: Int64?
        let content: Data?
    }

    let entries: [String: Entry]

    init(_ folder: String) throws {
        var entries: [String: Entry] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let path = folder + "/" + name
            var facts = stat()
            guard stat(path, &facts) == 0 else { throw SystemCallError(operation: "stat \(path)", code: errno) }
            let content = ["kaderd.sqlite", "kaderd.sqlite-wal", "kaderd.lock"].contains(name)
                ? try Data(contentsOf: URL(fileURLWithPath: path)) : nil
            let modified = name.hasSuffix("-shm")
                ? nil : Int64(facts.st_mtim.tv_sec) * 1_000_000_000 + Int64(facts.st_mtim.tv_nsec)
            entries[name] = Entry(size: Int64(facts.st_size), modified: modified, content: content)
        }
        self.entries = entries
    }

    var description: String {
        entries.keys.sorted().map { name in
            let entry = entries[name]!
            return "\(name) \(entry.size) bytes, modified \(entry.modified.map(String.init) ?? "-")"
        }.joined(separator: "; ")
    }
}

/// A starting line for processes: each opens the gate, says it arrived, and waits until the
/// test closes the gate's only writing end, which wakes every waiter at once.
private final class Gate: Sendable {
    let path: String
    let arrivalsPath: String
    /// Held open for reading and writing, so that no open of either fifo blocks.
    private let writer: Int32
    private let arrivals: Int32
    private let isOpen = Atomic<Bool>(true)

    init(in directory: TemporaryDirectory) throws {
        path = directory.file("gate")
        arrivalsPath = directory.file("arrivals")
        for fifo in [path, arrivalsPath] where mkfifo(fifo, 0o600) != 0 {
            throw SystemCallError(operation: "mkfifo \(fifo)", code: errno)
        }
        writer = Glibc.open(path, O_RDWR | O_CLOEXEC)
        arrivals = Glibc.open(arrivalsPath, O_RDWR | O_CLOEXEC)
        guard writer >= 0, arrivals >= 0 else { throw SystemCallError(operation: "open a fifo", code: errno) }
    }

    /// Blocks until `count` processes have arrived; throws after `timeout` seconds.
    func waitForArrivals(_ count: Int, timeout: Double) throws {
        let deadline = ContinuousClock.now + .seconds(timeout)
        var arrived = 0
        while arrived < count {
            let left = deadline - ContinuousClock.now
            guard left > .zero else {
                throw SystemCallError(operation: "wait at the gate (\(arrived) of \(count) arrived)", code: ETIMEDOUT)
            }
            var entry = pollfd(fd: arrivals, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)
            let ready = poll(&entry, 1, max(milliseconds, 1))
            if ready < 0 && errno != EINTR { throw SystemCallError(operation: "poll the gate", code: errno) }
            guard ready > 0 else { continue }
            var bytes = [UInt8](repeating: 0, count: 16)
            let count = read(arrivals, &bytes, bytes.count)
            if count > 0 { arrived += count }
        }
    }

    /// Lets every process at the gate through, and any later one straight past it.
    func release() {
        if isOpen.exchange(false, ordering: .acquiringAndReleasing) { close(writer) }
    }

    deinit {
        release()
        close(arrivals)
    }
}

/// kaderd started for an outcome either way: it serves, or it exits (a refusal). Behind a
/// gate, a shell waits there, then execs kaderd, so the pid stays kaderd's.
private final class LaunchedKaderd: Sendable {
    enum Outcome: Equatable, CustomStringConvertible {
        case ready
        case exited(status: Int32, stderr: String)

        var description: String {
            switch self {
            case .ready: "ready"
            case .exited(let status, let stderr): "exited \(status), stderr:\n\(stderr)"
            }
        }
    }

    let pid: Int32
    let socket: String
    private let process: ChildProcess
    private let stderr = StderrLog()

    private static let gatedStart =
        #"exec 3<"$KADER_GATE"; printf . >"$KADER_ARRIVALS"; read -r line <&3; exec 3<&-; exec "$0" "$@""#

    init(kaderd: String, socket: String, stateDir: String, config: String, gate: Gate? = nil) throws {
        self.socket = socket
        let arguments = ["--socket", socket, "--state-dir", stateDir, "--config", config]
        if let gate {
            process = try ChildProcess(
                "/bin/sh", ["-c", Self.gatedStart, kaderd] + arguments,
                environment: ["KADER_GATE": gate.path, "KADER_ARRIVALS": gate.arrivalsPath], error: .pipe)
        } else {
            process = try ChildProcess(kaderd, arguments, error: .pipe)
        }
        pid = process.pid
        let errors = process.error!
        let stderr = self.stderr
        Thread {
            while true {
                let chunk = errors.read()
                if chunk.isEmpty { break }
                stderr.append(chunk)
            }
            stderr.finish()
        }.start()
    }

    var log: String { stderr.text }

    /// Ready (it logged so: it serves), or exited with what it wrote.
    func outcome() async throws -> Outcome {
        let stderr = self.stderr
        let process = self.process
        return try await onThread {
            switch stderr.waitForReadyOrEnd(timeout: waitLimit) {
            case true?: .ready
            case false?: .exited(status: process.wait(), stderr: stderr.text)
            case nil: throw SystemCallError(operation: "wait for kaderd to start or exit:\n\(stderr.text)", code: ETIMEDOUT)
            }
        }
    }

    func exitStatus() async throws -> Int32 {
        let process = self.process
        return try await onThread { process.wait() }
    }
}

/// A child's stderr as it arrives, and whether it has ended.
private final class StderrLog: Sendable {
    // NSCondition is thread-safe by design; the fields are only touched while holding it.
    private let condition = NSCondition()
    nonisolated(unsafe) private var data = Data()
    nonisolated(unsafe) private var ended = false

    func append(_ chunk: [UInt8]) {
        condition.lock()
        data.append(contentsOf: chunk)
        condition.broadcast()
        condition.unlock()
    }

    func finish() {
        condition.lock()
        ended = true
        condition.broadcast()
        condition.unlock()
    }

    var text: String {
        condition.lock()
        defer { condition.unlock() }
        return String(decoding: data, as: UTF8.self)
    }

    /// True once kaderd has logged that it is ready, false once stderr has ended without
    /// that, nil when `timeout` seconds pass first.
    func waitForReadyOrEnd(timeout: Double) -> Bool? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if String(decoding: data, as: UTF8.self).contains(" ready") { return true }
            if ended { return false }
            guard condition.wait(until: deadline) else { return nil }
        }
    }
}

/// A system call the test made failed, or a wait ran out (`ETIMEDOUT`).
private struct SystemCallError: Error, CustomStringConvertible {
    let operation: String
    let code: Int32
    var description: String { "\(operation): \(String(cString: strerror(code)))" }
}
