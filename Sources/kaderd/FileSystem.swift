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

    var description: String { "\(path): \(String(cString: strerror(errno)))" }
    var isPermissionProblem: Bool { errno == EACCES || errno == EPERM || errno == EROFS }
}
