import Crypto
import Foundation
import KaderRPC
import Logging

/// `backups/` in the state folder, mode 0700: where `daemon.backup` leaves each copy until
/// kaderctl has read it through the socket. The caller never reads the folder itself, so
/// it stays the service user's alone.
struct BackupFolder: Sendable {
    static let folderName = "backups"
    static let prefix = "kaderd-backup-"
    static let suffix = ".sqlite"

    let path: String

    init(stateDir: String) {
        path = stateDir + "/" + Self.folderName
    }

    /// Removes the copies of a kaderd that stopped before they were read, or of a client that
    /// never came back for them: each is a whole store of personal data.
    func removeLeftovers(logger: Logger) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where name.hasPrefix(Self.prefix) {
            if unlink(path + "/" + name) == 0 {
                logger.notice("removed a backup left over", metadata: ["file": "\(path)/\(name)"])
            }
        }
    }

    /// A new empty file, owner-only, for a copy taken at `date`.
    func newFile(at date: Date) throws(RPCError) -> (name: String, path: String) {
        guard mkdir(path, 0o700) == 0 || errno == EEXIST else {
            throw RPCError(.internalError, "cannot make the backup folder \(path): \(String(cString: strerror(errno)))")
        }
        let name = Self.prefix + Self.stamp(date) + "-" + String(UInt32.random(in: .min ... .max), radix: 16) + Self.suffix
        let file = path + "/" + name
        let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw RPCError(.internalError, "cannot make the backup file \(file): \(String(cString: strerror(errno)))")
        }
        close(descriptor)
        return (name, file)
    }

    /// The path of a copy `daemon.backup` made, or why `name` names none.
    func file(named name: String) throws(RPCError) -> String {
        let allowed = name.utf8.allSatisfy { $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
        guard name.hasPrefix(Self.prefix), name.hasSuffix(Self.suffix), allowed, !name.contains("..") else {
            throw RPCError.invalidParams(
                "'\(name)' is not the name of a backup", fields: [RPCFieldError(field: "name", message: "not a name daemon.backup answers")])
        }
        let file = path + "/" + name
        guard access(file, F_OK) == 0 else {
            throw RPCError(.notFound, "No backup \(name): it was removed, or kaderd restarted since", extra: ["name": .string(name)])
        }
        return file
    }

    /// Up to `length` bytes of the copy from `offset`, in base64.
    func read(name: String, offset: Int, length: Int) throws(RPCError) -> DaemonBackupChunk {
        let file = try file(named: name)
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw RPCError(.internalError, "cannot read \(file): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var facts = stat()
        guard fstat(descriptor, &facts) == 0 else {
            throw RPCError(.internalError, "cannot read \(file): \(String(cString: strerror(errno)))")
        }
        let size = Int(facts.st_size)
        guard offset <= size else {
            throw RPCError.invalidParams(
                "offset \(offset) is past the end of \(name) (\(size) bytes)",
                fields: [RPCFieldError(field: "offset", message: "at most \(size)")])
        }
        var bytes = [UInt8](repeating: 0, count: min(length, size - offset))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + filled, $0.count - filled, off_t(offset + filled)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw RPCError(.internalError, "cannot read \(file): \(String(cString: strerror(errno)))") }
            filled += count
        }
        return DaemonBackupChunk(offset: offset, data: Data(bytes).base64EncodedString(), end: offset + filled == size)
    }

    func remove(name: String) throws(RPCError) {
        let file = try file(named: name)
        guard unlink(file) == 0 else { throw RPCError(.internalError, "cannot remove \(file): \(String(cString: strerror(errno)))") }
    }

    /// The file's length and SHA-256 (lowercase hex), read a mebibyte at a time.
    static func digest(of file: String) throws(RPCError) -> (size: Int, sha256: String) {
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw RPCError(.internalError, "cannot read \(file): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var hash = SHA256()
        var size = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw RPCError(.internalError, "cannot read \(file): \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            chunk.withUnsafeBytes { hash.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0.prefix(count))) }
            size += count
        }
        return (size, hash.finalize().map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined())
    }

    /// `20261203T123456Z`: UTC, sorting as time goes, and safe in a file name.
    static func stamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z"
    }
}

extension UInt8 {
    fileprivate var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}
