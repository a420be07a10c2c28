#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The few file-system operations the daemon needs at start-up, with errors worth printing.
enum FileSystem {
    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// Reads a whole UTF-8 text file.
    static func readText(_ path: String) throws(FileSystemError) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError(path: path, errno: errno) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(path: path, errno: errno)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Creates `path` and its missing parents, owner-only beyond the first existing folder.
    static func makeDirectory(_ path: String, mode: mode_t = 0o750) throws(FileSystemError) {
        var partial = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, mode) != 0 && errno != EEXIST {
                throw FileSystemError(path: partial, errno: errno)
            }
        }
        guard access(path, W_OK | X_OK) == 0 else { throw FileSystemError(path: path, errno: errno) }
    }
}

struct FileSystemError: Error, CustomStringConvertible {
    let path: String
    let errno: Int32

    var reason: String { String(cString: strerror(errno)) }
    var description: String { "\(path): \(reason)" }
    var isPermissionProblem: Bool { errno == EACCES || errno == EPERM || errno == EROFS }
}
