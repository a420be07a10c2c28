#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KaderRPC

/// One daemon's claim on one state folder: an exclusive `flock` on `kaderd.lock` in it.
///
/// Two daemons on one store would each run the catch-up and accept writes beside the other:
/// SQLite keeps the file whole, not the schedule. The kernel ties the lock to the open file,
/// so it ends with the process however that ends (kill -9 too): there is no stale lock to
/// clean up, and the file is never removed.
final class StateLock: Sendable {
    static let fileName = "kaderd.lock"

    let path: String
    /// Never closed: closing it would release the lock while the daemon still uses the
    /// store. The kernel closes it, and releases the lock, when the process ends.
    let descriptor: Int32

    /// Takes the lock of `stateDir` and writes this process's pid in the file, or throws
    /// who holds it. Call it before anything reads or writes the store.
    init(stateDir: String) throws(StateLockError) {
        let path = stateDir + "/" + Self.fileName
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw .cannotOpen(stateDir: stateDir, path: path, errno: errno) }
        // A holder that /proc/locks no longer lists has just let go: try again, a few times.
        var attempts = 0
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK else {
                close(descriptor)
                throw .cannotLock(stateDir: stateDir, path: path, errno: code)
            }
            attempts += 1
            let holder = Self.holder(of: descriptor)
            if case .released = holder, attempts < 3 { continue }
            let pid: Int32? =
                switch holder {
                case .listed(let pid): pid
                case .released, .unlisted: Self.writtenPid(in: descriptor)
                }
            close(descriptor)
            throw .inUse(stateDir: stateDir, path: path, pid: pid)
        }
        // Only informative (the lock is the claim): what a person or the loser reads.
        let text = Array("\(getpid())\n".utf8)
        guard ftruncate(descriptor, 0) == 0,
            text.withUnsafeBytes({ pwrite(descriptor, $0.baseAddress, $0.count, 0) }) == text.count
        else {
            let code = errno
            close(descriptor)
            throw .cannotWrite(stateDir: stateDir, path: path, errno: code)
        }
        self.path = path
        self.descriptor = descriptor
    }

    /// Who holds the lock on the file open as `descriptor`, by /proc/locks.
    private enum Holder {
        /// A lock on this file, with its owner's pid.
        case listed(Int32)
        /// /proc/locks lists no lock on the file: it was released since.
        case released
        /// /proc/locks cannot be read (`ProcSubset=pid`) or gives no usable pid.
        case unlisted
    }

    /// Reads /proc/locks, the only source that is right from the moment the lock is taken:
    /// the holder writes its pid into the file only afterwards.
    private static func holder(of descriptor: Int32) -> Holder {
        var facts = stat()
        guard fstat(descriptor, &facts) == 0,
            let table = try? FileSystem.readText("/proc/locks")
        else { return .unlisted }
        let major = UInt64((facts.st_dev >> 8) & 0xfff | (facts.st_dev >> 32) & ~0xfff)
        let minor = UInt64(facts.st_dev & 0xff | (facts.st_dev >> 12) & ~0xff)
        var onInode: [(pid: Int32, sameDevice: Bool)] = []
        for line in table.split(separator: "\n") {
            // `1: FLOCK  ADVISORY  WRITE 1234 fd:01:5678 0 EOF`; a waiter has `->` after the number.
            let fields = line.split(separator: " ").filter { $0 != "->" }
            guard fields.count >= 6, fields[1] == "FLOCK", let pid = Int32(fields[4]) else { continue }
            let file = fields[5].split(separator: ":")
            guard file.count == 3, UInt64(file[2]) == UInt64(facts.st_ino) else { continue }
            let sameDevice = UInt64(file[0], radix: 16) == major && UInt64(file[1], radix: 16) == minor
            onInode.append((pid, sameDevice))
        }
        // The device as /proc/locks gives it can differ from stat's (overlayfs): then the
        // inode alone decides, when it is unambiguous.
        let match = onInode.first(where: \.sameDevice) ?? (onInode.count == 1 ? onInode.first : nil)
        guard let match else { return onInode.isEmpty ? .released : .unlisted }
        return match.pid > 0 ? .listed(match.pid) : .unlisted
    }

    /// The pid the holder wrote in the file; nil when it has not yet (it takes the lock
    /// first), so the file is read again for a moment before giving up.
    private static func writtenPid(in descriptor: Int32) -> Int32? {
        for _ in 0..<20 {
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
            let text = String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self)
            if text.hasSuffix("\n"), let pid = Int32(text.dropLast()), pid > 0 { return pid }
            var pause = timespec(tv_sec: 0, tv_nsec: 5_000_000)
            nanosleep(&pause, nil)
        }
        return nil
    }
}

/// Why the daemon may not use the state folder; each says so in one line.
enum StateLockError: Error, CustomStringConvertible {
    /// Another process holds the lock; `pid` when it could be found.
    case inUse(stateDir: String, path: String, pid: Int32?)
    case cannotOpen(stateDir: String, path: String, errno: Int32)
    case cannotLock(stateDir: String, path: String, errno: Int32)
    case cannotWrite(stateDir: String, path: String, errno: Int32)

    var description: String {
        switch self {
        case .inUse(let stateDir, let path, let pid):
            "the state folder \(stateDir) is in use by another kaderd (pid \(pid.map(String.init) ?? "unknown"), "
                + "lock \(path)); one daemon serves one store"
        case .cannotOpen(let stateDir, let path, let code):
            "cannot lock the state folder \(stateDir): cannot open \(path): \(Self.reason(code))"
        case .cannotLock(let stateDir, let path, let code):
            "cannot lock the state folder \(stateDir): flock \(path): \(Self.reason(code))"
        case .cannotWrite(let stateDir, let path, let code):
            "cannot lock the state folder \(stateDir): cannot write \(path): \(Self.reason(code))"
        }
    }

    /// 75 (try again later) while another daemon holds the folder.
    var exitStatus: ExitStatus {
        switch self {
        case .inUse: .tempFail
        case .cannotOpen(_, _, let code), .cannotLock(_, _, let code), .cannotWrite(_, _, let code):
            code == EACCES || code == EPERM || code == EROFS ? .noPermission : .config
        }
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
