#if canImport(Glibc)
import Glibc
#endif
import CoreMetrics
import CSpawn
import Foundation
import Logging
import Synchronization

/// kaderd's side of one plugin's helper process: starts it, sends it calls one at a time,
/// each with a deadline, and when it crashes, hangs, or answers with something that is not
/// a frame, kills it and starts another on a later call, with backoff.
public final class PluginProcess: Sendable {
    /// A call or a start that failed; `reason` says how, in a sysadmin's words.
    struct Failure: Error {
        let reason: String
    }

    /// The helper, as the call in progress (or the next) finds it.
    private enum State {
        case running(pid: pid_t, channel: PluginChannel)
        /// Ended or killed; the next start waits until `retryAt`.
        case down(retryAt: ContinuousClock.Instant)
    }

    public let path: String
    private let isolation: PluginIsolation
    private let logger: Logger
    /// The plugin's name for logs: the file's name until the helper has said.
    private let label: String
    /// Held for a whole call: the ABI promises a plugin one call at a time.
    private let state: Mutex<State>
    /// Read by `kaderctl plugins` while a call may hold `state`.
    private let counters = Mutex(PluginHelperStatus())
    /// What the first helper said; a restarted helper must say the same.
    private let expected: Mutex<PluginHelperHello?> = Mutex(nil)
    /// Labelled with the plugin's own name, so set once the first helper has said it.
    private let metrics: Mutex<PluginMetrics?> = Mutex(nil)

    private init(path: String, isolation: PluginIsolation, label: String, logger: Logger, state: State) {
        self.path = path
        self.isolation = isolation
        self.label = label
        self.logger = logger
        self.state = Mutex(state)
    }

    /// Starts the helper for `path` and returns it with what it says of the plugin; its
    /// calls are counted by `metrics` under the plugin's name.
    static func start(
        path: String, isolation: PluginIsolation, logger: Logger, metrics: any MetricsFactory = MetricsSystem.factory
    ) throws(Failure) -> (PluginProcess, PluginHelperHello) {
        let label = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let process = PluginProcess(
            path: path, isolation: isolation, label: label, logger: logger, state: .down(retryAt: .now))
        let (pid, channel, hello) = try process.launch(failing: "")
        process.state.withLock { $0 = .running(pid: pid, channel: channel) }
        process.expected.withLock { $0 = hello }
        process.metrics.withLock { $0 = PluginMetrics(plugin: hello.name ?? process.label, factory: metrics) }
        return (process, hello)
    }

    /// Spawns a helper and reads what it says of the plugin; one that says nothing is reaped,
    /// and the failure's reason starts with `prefix`.
    private func launch(failing prefix: String) throws(Failure) -> (pid_t, PluginChannel, PluginHelperHello) {
        let (pid, channel, output) = try Self.spawn(path: path, isolation: isolation, label: label, logger: logger)
        counters.withLock { $0.pid = pid }
        do throws(HelloFailure) {
            return (pid, channel, try Self.hello(from: channel, isolation: isolation))
        } catch {
            let exit = ended(pid: pid, channel: channel, killed: error != .ended)
            // What it said last, when it ended by itself: the plugin's or the loader's own words.
            let said = error == .ended ? output.lastLine(waitingUpTo: .seconds(1)) : nil
            throw Failure(
                reason: prefix + error.reason(exit: exit, timeout: isolation.timeout) + (said.map { "; it said: \($0)" } ?? ""))
        }
    }

    deinit {
        if case .running(let pid, let channel) = state.withLock({ $0 }) {
            close(channel.fd)
            _ = HelperExit.kill(pid)
        }
    }

    public var status: PluginHelperStatus { counters.withLock { $0 } }

    var maximumReplyBytes: Int { isolation.maximumReplyBytes }

    /// Sends one call and returns the reply text, or nil when the plugin returned NULL.
    func call(_ hook: String, _ request: String) throws(Failure) -> [UInt8]? {
        try state.withLock { state throws(Failure) -> [UInt8]? in
            let channel: PluginChannel
            let pid: pid_t
            switch state {
            case .running(let running, let open):
                (pid, channel) = (running, open)
            case .down(let retryAt):
                guard retryAt <= .now else {
                    let last = counters.withLock { $0.lastFailure } ?? "a failure"
                    let wait = retryAt - .now
                    throw Failure(
                        reason: "its helper is down after \(last); it is started again in \(Self.seconds(wait)) s")
                }
                do throws(Failure) {
                    (pid, channel) = try restart()
                } catch {
                    state = .down(retryAt: failed("\(hook): \(error.reason)"))
                    throw error
                }
                state = .running(pid: pid, channel: channel)
            }
            counters.withLock { $0.calls += 1 }
            metrics.withLock { $0?.calls.increment() }
            let deadline = ContinuousClock.now + isolation.timeout
            var frame = Array(hook.utf8)
            frame.append(0)
            frame += request.utf8
            do throws(PluginChannel.Failure) {
                try channel.write(frame, by: deadline)
                // The status byte, and one byte past the limit, which the helper sends to say "longer".
                let reply = try channel.read(limit: isolation.maximumReplyBytes + 2, by: deadline)
                switch reply.first {
                case PluginHelper.replied:
                    counters.withLock { $0.consecutiveFailures = 0 }
                    return Array(reply.dropFirst())
                case PluginHelper.returnedNull:
                    return nil
                default:
                    throw PluginChannel.Failure.tooLong(reply.count)
                }
            } catch {
                let ended = ended(pid: pid, channel: channel, killed: error != .closed)
                let reason: String
                switch error {
                case .timedOut: reason = "did not answer within \(Self.seconds(isolation.timeout)) s; its helper was killed"
                case .closed: reason = "its helper \(ended)"
                case .tooLong: reason = "its helper sent a malformed or oversized reply; it was killed"
                }
                state = .down(retryAt: failed("\(hook): \(reason)"))
                throw Failure(reason: reason)
            }
        }
    }

    /// Records a failure that is not the helper's (a reply that is not JSON, an error the
    /// plugin reports): the helper keeps running.
    func recordFailure(_ reason: String, in hook: String) {
        _ = failed("\(hook): \(reason)")
    }

    /// Counts a failure and returns when the helper may be started again.
    private func failed(_ reason: String) -> ContinuousClock.Instant {
        metrics.withLock { $0?.failures.increment() }
        return counters.withLock { counters in
            counters.failures += 1
            counters.consecutiveFailures += 1
            counters.lastFailure = reason
            counters.lastFailureAt = Date()
            return .now + PluginHelperStatus.backoff(afterFailures: counters.consecutiveFailures)
        }
    }

    /// Reaps a helper: killed at once when it is alive but useless (timed out, garbled),
    /// given a moment when it closed the channel itself (it is ending).
    private func ended(pid: pid_t, channel: PluginChannel, killed: Bool) -> HelperExit {
        close(channel.fd)
        let exit = killed ? HelperExit.kill(pid) : HelperExit.reap(pid, grace: .seconds(1))
        counters.withLock { $0.pid = nil }
        logger.warning(
            "plugin helper ended", metadata: ["plugin": "\(label)", "pid": "\(pid)", "exit": "\(exit)"])
        return exit
    }

    /// A new helper, which must describe the same plugin as the first.
    private func restart() throws(Failure) -> (pid_t, PluginChannel) {
        counters.withLock { $0.restarts += 1 }
        metrics.withLock { $0?.restarts.increment() }
        let (pid, channel, hello) = try launch(failing: "on restart, ")
        let first = expected.withLock { $0 }
        guard hello.name == first?.name, hello.version == first?.version, hello.provides == first?.provides,
            hello.abi == first?.abi, hello.refused == nil
        else {
            _ = ended(pid: pid, channel: channel, killed: true)
            throw Failure(reason: "the file no longer holds the plugin loaded; reload kaderd to load it anew")
        }
        return (pid, channel)
    }

    /// Why a helper gave no descriptor.
    private enum HelloFailure: Error, Equatable {
        case ended, timedOut, garbled

        func reason(exit: HelperExit, timeout: Duration) -> String {
            switch self {
            case .ended:
                let hint = exit.exitCode == 0 ? " (kader_plugin_entry must return, not exit)" : ""
                return "its helper \(exit) while loading the plugin\(hint)"
            case .timedOut:
                return "loading it took longer than \(PluginProcess.seconds(timeout)) s; its helper was killed"
            case .garbled:
                return "its helper sent something other than the plugin's descriptor; it was killed"
            }
        }
    }

    /// The helper's first frame, by the call deadline.
    private static func hello(from channel: PluginChannel, isolation: PluginIsolation) throws(HelloFailure)
        -> PluginHelperHello
    {
        do {
            let bytes = try channel.read(limit: 1 << 20, by: .now + isolation.timeout)
            return try JSONDecoder().decode(PluginHelperHello.self, from: Data(bytes))
        } catch PluginChannel.Failure.timedOut {
            throw .timedOut
        } catch PluginChannel.Failure.closed {
            throw .ended
        } catch {
            throw .garbled
        }
    }

    /// Starts a helper: the channel on its descriptor 3, its output to a pipe kaderd logs,
    /// nothing else inherited, signals at their defaults, no systemd variables.
    private static func spawn(path: String, isolation: PluginIsolation, label: String, logger: Logger) throws(Failure)
        -> (pid_t, PluginChannel, PluginOutput.Tail)
    {
        var sockets: [Int32] = [-1, -1]
        var output: [Int32] = [-1, -1]
        guard cspawn_socketpair(&sockets) == 0 else { throw Failure(reason: "no socket for a helper: \(errorText())") }
        guard cspawn_pipe(&output) == 0 else {
            close(sockets[0])
            close(sockets[1])
            throw Failure(reason: "no pipe for a helper: \(errorText())")
        }
        defer {
            close(sockets[1])
            close(output[1])
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, output[1], 2)
        posix_spawn_file_actions_adddup2(&actions, sockets[1], PluginHelper.channelDescriptor)
        cspawn_addclosefrom(&actions, PluginHelper.channelDescriptor + 1)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t()
        var none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        // Named as the file it runs, for ps and systemctl status; /proc/self/exe otherwise.
        let name = (try? FileManager.default.destinationOfSymbolicLink(atPath: isolation.executable)) ?? isolation.executable
        let arguments = [name] + isolation.helperArguments(plugin: path)
        var variables = ProcessInfo.processInfo.environment.filter { !serviceManagerVariables.contains($0.key) }
            .merging(isolation.helperEnvironment(plugin: path)) { _, helper in helper }
        // A crash is reported by its signal; Swift's backtracer would spend seconds on it
        // (past the call's timeout) and end the helper with another signal.
        variables["SWIFT_BACKTRACE"] = "enable=no"
        let environment = variables.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let spawned = withCStrings(arguments) { argv in
            withCStrings(environment) { envp in
                posix_spawn(&pid, isolation.executable, &actions, &attributes, argv, envp)
            }
        }
        guard spawned == 0 else {
            close(sockets[0])
            close(output[0])
            throw Failure(reason: "its helper could not be started: \(String(cString: strerror(spawned)))")
        }
        _ = fcntl(sockets[0], F_SETFL, fcntl(sockets[0], F_GETFL) | O_NONBLOCK)
        let tail = PluginOutput.forward(output[0], plugin: label, logger: logger)
        logger.info("plugin helper started", metadata: ["plugin": "\(label)", "pid": "\(pid)"])
        return (pid, PluginChannel(fd: sockets[0]), tail)
    }

    /// What systemd gives the service and a helper must not act on: it is not the service.
    static let serviceManagerVariables: Set<String> = [
        "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES",
    ]

    private static func withCStrings<Result>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> Result)
        -> Result
    {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }

    fileprivate static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return value == value.rounded() ? "\(Int(value))" : String(format: "%.1f", value)
    }
}
