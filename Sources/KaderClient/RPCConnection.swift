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
    private var descriptor: Int32
    private let timeout: Double?
    private var timeoutSeconds: Double { timeout ?? 0 }
    private var nextID = 1
    private var buffer: [UInt8] = []
    private var bufferStart = 0

    /// Whether `call` sends a call again, on a new connection, when kaderd closed the
    /// connection without answering it: kaderd was stopping (a restart, an upgrade) and had
    /// not read it. Each call then carries an `idempotency_key`, so that a call kaderd did
    /// carry out is answered from what it kept instead of being carried out twice. Tries
    /// for as long as `timeout` allows (30 s when it is nil).
    public var resendsCallsCutShort = false

    /// Connects to the daemon; `timeout` bounds each wait for a reply (nil waits forever).
    public init(socketPath: String, timeout: Double? = 30) throws(ClientError) {
        self.socketPath = socketPath
        self.timeout = timeout
        self.descriptor = try Self.connect(socketPath, timeout: timeout)
    }

    private static func connect(_ socketPath: String, timeout: Double?) throws(ClientError) -> Int32 {
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
            throw .unreachable(socket: socketPath, reason: errnoText(errno), errno: errno)
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
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
        return descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Calls `method` and returns its result, or throws the daemon's error as `.remote`.
    public func call(_ method: String, params: JSONValue? = nil) throws(ClientError) -> JSONValue {
        guard resendsCallsCutShort, let keyed = Self.keyed(params) else { return try callOnce(method, params: params) }
        let deadline = Self.now() + (timeout ?? 30)
        var delay = 0.05
        while true {
            do {
                return try callOnce(method, params: keyed)
            } catch .closed where Self.now() + delay < deadline {
                usleep(useconds_t(delay * 1_000_000))
                delay = min(delay * 2, 1)
                try reconnect(until: deadline)
            }
        }
    }

    /// A new connection in place of one kaderd closed; waits while nobody listens (a kaderd
    /// started by hand, between its stop and its start), until `deadline`.
    private func reconnect(until deadline: Double) throws(ClientError) {
        var delay = 0.05
        while true {
            do {
                let fresh = try Self.connect(socketPath, timeout: timeout)
                close(descriptor)
                descriptor = fresh
                buffer.removeAll()
                bufferStart = 0
                return
            } catch .unreachable(_, _, let code) where (code == ECONNREFUSED || code == ENOENT || code == EAGAIN)
                && Self.now() + delay < deadline
            {
                usleep(useconds_t(delay * 1_000_000))
                delay = min(delay * 2, 1)
            }
        }
    }

    /// The params with an idempotency key added (kept if the caller gave one); nil for
    /// params by position, which have no place for one.
    private static func keyed(_ params: JSONValue?) -> JSONValue? {
        var object: JSONObject
        switch params {
        case nil: object = [:]
        case .object(let given): object = given
        default: return nil
        }
        if object["idempotency_key"] == nil {
            var generator = SystemRandomNumberGenerator()
            let random = (0..<2).map { _ in String(generator.next() as UInt64, radix: 16) }.joined(separator: "-")
            object["idempotency_key"] = .string("kaderctl-" + random)
        }
        return .object(object)
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// One try of `call`, on the connection as it is.
    private func callOnce(_ method: String, params: JSONValue?) throws(ClientError) -> JSONValue {
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
