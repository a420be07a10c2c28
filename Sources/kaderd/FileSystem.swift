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

extension FileSystem {
    /// Copies `source` into a new file `target` (owner-only: a store holds personal data),
    /// flushed to disk.
    static func copy(_ source: String, to target: String) throws(FileSystemError) {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw FileSystemError(path: source, errno: errno) }
        defer { close(input) }
        let output = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard output >= 0 else { throw FileSystemError(path: target, errno: errno) }
        defer { close(output) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw FileSystemError(path: source, errno: errno) }
            if count == 0 { break }
            var written = 0
            while written < count {
                let result = chunk.withUnsafeBytes { write(output, $0.baseAddress! + written, count - written) }
                if result < 0 && errno == EINTR { continue }
                guard result > 0 else { throw FileSystemError(path: target, errno: errno) }
                written += result
            }
        }
        guard fsync(output) == 0 else { throw FileSystemError(path: target, errno: errno) }
    }

    /// Flushes a file, or a folder's entries (after a rename), to disk.
    static func syncFile(_ path: String) throws(FileSystemError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError(path: path, errno: errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw FileSystemError(path: path, errno: errno) }
    }

    static func rename(_ source: String, to target: String) throws(FileSystemError) {
        guard Glibc.rename(source, target) == 0 else { throw FileSystemError(path: source, errno: errno) }
    }

    /// Gives `path` to the owner of `folder` when root makes it there, so the service's
    /// user can open what `kaderd --restore` run by root put in its state folder.
    static func giveToOwner(of folder: String, _ path: String) throws(FileSystemError) {
        guard geteuid() == 0 else { return }
        var facts = stat()
        guard stat(folder, &facts) == 0 else { throw FileSystemError(path: folder, errno: errno) }
        guard chown(path, facts.st_uid, facts.st_gid) == 0 else { throw FileSystemError(path: path, errno: errno) }
    }
}

struct FileSystemError: Error, CustomStringConvertible {
    let path: String
    let errno: Int32

    var reason: String { String(cString: strerror(errno)) }
    var description: String { "\(path): \(reason)" }
    var isPermissionProblem: Bool { errno == EACCES || errno == EPERM || errno == EROFS }
}
