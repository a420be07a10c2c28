import Foundation

/// kaderbench echo SOCKET
/// kaderbench echo-loops SOCKET LOOPS
/// kaderbench load [--loops N] SOCKET line|http REQUEST_FILE CONNECTIONS SECONDS [RATE]
///
/// REQUEST_FILE holds one request, sent again and again, or one a line, each sent once.
/// `load` drives a thread a connection, or with `--loops` N epoll loops sharing them, and
/// prints one line: requests, seconds, requests per second, p50 and p99 in µs.
var arguments = CommandLine.arguments
var clients = LoadGenerator.Clients.threads
if arguments.count > 3, arguments[1] == "load", arguments[2] == "--loops" {
    guard let loops = Int(arguments[3]), (1...64).contains(loops) else { fail("--loops must be 1…64") }
    clients = .eventLoops(loops)
    arguments.removeSubrange(2...3)
}
switch arguments.dropFirst().first {
case "echo" where arguments.count == 3:
    EchoServer.run(path: arguments[2])
case "echo-loops" where arguments.count == 4:
    guard let loops = Int(arguments[3]), (1...64).contains(loops) else { fail("LOOPS must be 1…64") }
    EventLoopEcho.run(path: arguments[2], loops: loops)
case "load" where arguments.count == 7 || arguments.count == 8:
    guard let request = FileManager.default.contents(atPath: arguments[4]) else { fail("cannot read \(arguments[4])") }
    guard let connections = Int(arguments[5]), let seconds = Double(arguments[6]), (1...256).contains(connections),
        seconds > 0, seconds <= 60
    else { fail("CONNECTIONS must be 1…256 and SECONDS 0…60") }
    let framing: ReplyFraming = arguments[3] == "http" ? .http : .line
    // An HTTP request is one request whatever its lines; JSON-RPC requests are one a line.
    let requests =
        framing == .http
        ? [Array(request)] : request.split(separator: UInt8(ascii: "\n")).map { Array($0) + [UInt8(ascii: "\n")] }
    let generator = LoadGenerator(
        socketPath: arguments[2], requests: requests, framing: framing, clients: clients,
        connections: connections, seconds: seconds, rate: arguments.count == 8 ? Double(arguments[7]) : nil)
    let result = generator.run()
    print(
        result.requests, String(format: "%.3f", result.seconds), String(format: "%.0f", result.throughput),
        String(format: "%.1f", result.percentile(0.5)), String(format: "%.1f", result.percentile(0.99)))
default:
    fail(
        "usage: kaderbench echo SOCKET | kaderbench echo-loops SOCKET LOOPS"
            + " | kaderbench load [--loops N] SOCKET line|http REQUEST_FILE CONNECTIONS SECONDS [RATE]")
}
