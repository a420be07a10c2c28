#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KaderRPC

/// A blocking connection to kaderd's Unix socket.
///
/// The client makes one or a few calls and exits; a plain socket with a read timeout is all
/// it needs, starts in microseconds and pulls in no event loop. Not thread-safe: one
/// connection belongs to one thread, which is why it is not `Sendable`.
public final class RPCConnection {
    public let socketPath: String
    private let descriptor: Int32
    private let timeoutSeconds: Double
    private var nextID = 1
    private var buffer: [UInt8] = []
    private var bufferStart = 0

    /// Connects to the daemon; `timeout` bounds each wait for a reply (nil waits forever).
    public init(socketPath: String, timeout: Double? = 30) throws(ClientError) {
        self.socketPath = socketPath
        self.timeoutSeconds = timeout ?? 0
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard socketPath.utf8.count < capacity else {
            throw .unreachable(
                socket: socketPath, reason: "the path is longer than \(capacity - 1) bytes, the limit for a Unix socket",
                errno: ENAMETOOLONG)
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: socketPath.utf8) }

        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else {
            throw .unreachable(socket: socketPath, reason: Self.errnoText(errno), errno: errno)
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            let code = errno
            close(descriptor)
            throw .unreachable(socket: socketPath, reason: SocketDiagnosis.explain(socketPath, connectErrno: code), errno: code)
        }
        if let timeout {
            var value = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Calls `method` and returns its result, or throws the daemon's error as `.remote`.
    public func call(_ method: String, params: JSONValue? = nil) throws(ClientError) -> JSONValue {
        let id = RPCID(nextID)
        nextID += 1
        do {
            try send(line: JSONWriter.bytes(RPCRequest(method: method, params: params, id: id).json))
        } catch {
            // The daemon may refuse a line before reading all of it (too long) and close; its
            // answer is still waiting to be read, and says more than a broken pipe.
            guard case .closed = error else { throw error }
        }
        while true {
            guard let line = try readLine() else { throw .closed(socket: socketPath) }
            let response: RPCResponse
            do {
                response = try RPCResponse(json: JSONParser.parse(line, maxDepth: .max))
            } catch let error as JSONParseError {
                throw .malformedReply(socket: socketPath, detail: error.description)
            } catch {
                throw .malformedReply(socket: socketPath, detail: "\(error)")
            }
            // An error about the line itself (id null) ends the call too.
            guard response.id == id || response.id == .null else { continue }
            switch response.outcome {
            case .success(let result): return result
            case .failure(let error): throw .remote(error)
            }
        }
    }

    /// Calls `method` and decodes its result.
    public func call<Result: Decodable>(_ method: String, params: JSONValue? = nil, as type: Result.Type)
        throws(ClientError) -> Result
    {
        let json = try call(method, params: params)
        do {
            return try json.decode(Result.self)
        } catch {
            throw .malformedReply(socket: socketPath, detail: "the result of \(method) does not match its schema: \(error)")
        }
    }

    /// Sends one line; a newline is appended.
    public func send(line: [UInt8]) throws(ClientError) {
        var bytes = line
        bytes.append(RPCFraming.newline)
        try sendRaw(bytes)
    }

    /// Sends bytes exactly as given, with no framing: for tests and tools that speak the
    /// transport themselves.
    public func sendRaw(_ bytes: [UInt8]) throws(ClientError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.send(descriptor, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { throw .timedOut(socket: socketPath, seconds: timeoutSeconds) }
                if errno == EPIPE || errno == ECONNRESET { throw .closed(socket: socketPath) }
                throw .unreachable(socket: socketPath, reason: Self.errnoText(errno), errno: errno)
            }
            offset += written
        }
    }

    /// Reads the next line without its newline; nil when the daemon closed the connection.
    public func readLine() throws(ClientError) -> [UInt8]? {
        var searchFrom = bufferStart
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: RPCFraming.newline) {
                let line = Array(buffer[bufferStart..<newline])
                bufferStart = newline + 1
                if bufferStart == buffer.count {
                    buffer.removeAll(keepingCapacity: true)
                    bufferStart = 0
                }
                return line
            }
            searchFrom = buffer.count
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { throw .timedOut(socket: socketPath, seconds: timeoutSeconds) }
                if errno == ECONNRESET { throw .closed(socket: socketPath) }
                throw .unreachable(socket: socketPath, reason: Self.errnoText(errno), errno: errno)
            }
            if count == 0 {
                // A last line without a newline still counts; an empty remainder is the end.
                guard bufferStart < buffer.count else { return nil }
                let line = Array(buffer[bufferStart...])
                buffer.removeAll()
                bufferStart = 0
                return line
            }
            buffer.append(contentsOf: chunk[..<count])
        }
    }

    /// Half-closes the connection: the daemon sees end of input but can still answer.
    public func finishSending() {
        shutdown(descriptor, Int32(SHUT_WR))
    }

    private static func errnoText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
