import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KaderClient
import KaderRPC

/// Options every command takes: where the daemon is, and how to print.
struct GlobalOptions: ParsableArguments {
    static let defaultSocket = "/run/kaderd/kaderd.sock"

    /// Appended to every command's help, which cannot list the options it inherits.
    static let helpNote = "Every command also takes --socket PATH, --json and --timeout SECONDS (see kaderctl --help)."

    @Option(name: .long, help: "kaderd's Unix socket. (default: $KADERD_SOCKET, else \(defaultSocket))")
    var socket: String?

    @Flag(name: .long, help: "Print JSON for scripts instead of text for people.")
    var json = false

    @Option(name: .long, help: "Seconds to wait for the daemon's answer.")
    var timeout: Double = 30

    var socketPath: String {
        if let socket { return socket }
        // getenv, not ProcessInfo: one variable is needed, not a dictionary of them all.
        if let fromEnvironment = getenv("KADERD_SOCKET").map({ String(cString: $0) }), !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return Self.defaultSocket
    }

    /// Connects, runs `body`, and turns any failure into lines on stderr and the exit status
    /// that names its class. `waitingForever` lifts the timeout, for commands that follow a
    /// stream; `longer` adds seconds to it, for a call whose work grows with its size (an
    /// import's one transaction). `explain` may word a daemon's refusal in the command's own
    /// terms (an import names the CSV lines); it returns nil to leave the usual wording.
    func withConnection<T>(
        waitingForever: Bool = false,
        longer: Double = 0,
        explaining explain: (RPCError) -> [String]? = { _ in nil },
        _ body: (RPCConnection) throws(ClientError) -> T
    ) throws -> T {
        do {
            let connection = try RPCConnection(socketPath: socketPath, timeout: waitingForever ? nil : timeout + longer)
            // A restart of kaderd (systemd holds the socket meanwhile) fails no command.
            connection.resendsCallsCutShort = true
            return try body(connection)
        } catch {
            var lines: [String]?
            if case .remote(let refusal) = error { lines = explain(refusal) }
            throw CommandFailure(error, lines: lines).report()
        }
    }
}
