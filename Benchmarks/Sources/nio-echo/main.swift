import Glibc
import NIOCore
import NIOPosix

/// nio-echo SOCKET THREADS
///
/// The echo again, served by SwiftNIO with THREADS event loops, kaderd's stack and shape
/// with no work on top: between it and `kaderbench echo-loops` is what SwiftNIO costs,
/// between kaderd and it what kaderd does.
let arguments = CommandLine.arguments
guard arguments.count == 3, let threads = Int(arguments[2]), (1...64).contains(threads) else {
    let usage = "usage: nio-echo SOCKET THREADS (1…64)\n"
    _ = usage.withCString { write(2, $0, strlen($0)) }
    exit(2)
}
unlink(arguments[1])
let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
let server = try ServerBootstrap(group: group)
    .serverChannelOption(.backlog, value: 256)
    .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(LineEchoHandler()) }
    }
    .bind(unixDomainSocketPath: arguments[1])
    .wait()
try server.closeFuture.wait()
