#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The socket's place in the file system: made ready before binding, removed after serving.
enum UnixSocketFile {
    /// Creates the socket's folder when missing and removes a stale socket left by a daemon
    /// that died, but never one that a live daemon still answers on.
    static func prepare(path: String) throws(SocketFileError) {
        try makeParentDirectory(of: path)
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFSOCK else { throw .notASocket(path: path) }
        if isAnswering(path: path) { throw .inUse(path: path) }
        guard unlink(path) == 0 || errno == ENOENT else {
            throw .cannotPrepare(path: path, reason: "removing the stale socket failed: \(errnoText())")
        }
    }

    /// Gives the socket its group and mode once bound.
    static func restrict(path: String, group: gid_t?, mode: mode_t) throws(SocketFileError) {
        if let group, chown(path, uid_t.max, group) != 0 {
            throw .cannotPrepare(path: path, reason: "giving it group \(group) failed: \(errnoText())")
        }
        guard chmod(path, mode) == 0 else {
            throw .cannotPrepare(path: path, reason: "setting its mode \(String(mode, radix: 8)) failed: \(errnoText())")
        }
    }

    static func remove(path: String) {
        _ = unlink(path)
    }

    private static func makeParentDirectory(of path: String) throws(SocketFileError) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        let parent = String(path[..<slash])
        var partial = parent.hasPrefix("/") ? "" : "."
        for component in parent.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, 0o755) != 0 && errno != EEXIST {
                throw .cannotPrepare(path: path, reason: "creating \(partial) failed: \(errnoText())")
            }
        }
    }

    private static func isAnswering(path: String) -> Bool {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.utf8.count < capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path.utf8)
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return connected == 0
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
