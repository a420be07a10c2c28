import Crypto
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A backup written as its pieces arrive, whole or not at all: into a temporary file beside
/// `path` (owner-only: it holds every cadre's personal data), hashed on the way, flushed and
/// renamed over `path` only once its length and SHA-256 are those the daemon announced.
final class BackupFile {
    let path: String
    private let temporary: String
    private var descriptor: Int32
    private var hash = SHA256()
    private(set) var written = 0

    /// Creates the temporary file at once, so a folder that cannot be written is found
    /// before kaderd makes a copy.
    init(path: String) throws(AtomicFile.Failure) {
        self.path = path
        temporary = path + ".kaderctl-\(getpid())"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw AtomicFile.Failure(description: String(cString: strerror(errno))) }
    }

    deinit {
        // Not committed: nothing half-written stays behind.
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporary)
        }
    }

    func append(_ bytes: [UInt8]) throws(AtomicFile.Failure) {
        var offset = 0
        while offset < bytes.count {
            let result = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { throw AtomicFile.Failure(description: String(cString: strerror(errno))) }
            offset += result
        }
        bytes.withUnsafeBytes { hash.update(bufferPointer: $0) }
        written += bytes.count
    }

    /// Puts the file in place if it is what was announced; otherwise says how it differs.
    func commit(size: Int, sha256: String) throws(AtomicFile.Failure) {
        let digest = hash.finalize().map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
        guard written == size, digest == sha256 else {
            throw AtomicFile.Failure(
                description: "the copy arrived different from kaderd's (\(written) bytes, SHA-256 \(digest); "
                    + "kaderd announced \(size) bytes, \(sha256))")
        }
        guard fsync(descriptor) == 0 else { throw AtomicFile.Failure(description: String(cString: strerror(errno))) }
        close(descriptor)
        descriptor = -1
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw AtomicFile.Failure(description: reason)
        }
        // The rename itself reaches the disk with the folder's entries.
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let folderDescriptor = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }
}
