// Not all of Foundation: it would link ICU into kaderctl and slow every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A backup leaves kaderd through its socket: `daemon.backup` makes the copy in the state
/// folder, `daemon.backup_read` hands it out in pieces, `daemon.backup_remove` drops it. The
/// caller needs no access to the state folder (mode 0750, the service's user), only admin
/// rights, since the copy holds every cadre's personal data.
extension RPCMethodDescriptor {
    public static let daemonBackup = RPCMethodDescriptor(
        name: "daemon.backup",
        summary: "Copies the SQLite store as it is now, while writes go on (SQLite's online backup), into the "
            + "state folder's backups/, checks the copy (integrity_check) and names it; daemon.backup_read hands "
            + "it out, daemon.backup_remove drops it (kaderd also removes leftovers when it starts). Every write "
            + "acknowledged before the call is in the copy. On a PostgreSQL store it is refused with kind "
            + "'unavailable' and data.store 'postgresql': use pg_dump there.",
        access: .admin,
        result: [
            "type": "object",
            "required": ["name", "size", "sha256", "created_at", "schema"],
            "properties": [
                "name": ["type": "string", "description": "The copy's file name in backups/, for the two methods after."],
                "size": ["type": "integer", "description": "Its length in bytes."],
                "sha256": ["type": "string", "description": "Its SHA-256, 64 lowercase hex digits."],
                "created_at": ["type": "string", "format": "date-time"],
                "schema": [
                    "type": "string", "description": "The last schema migration it has (e.g. \"v10\"): what kaderd can restore it.",
                ],
            ],
        ])

    public static let daemonBackupRead = RPCMethodDescriptor(
        name: "daemon.backup_read",
        summary: "A piece of a backup daemon.backup made: up to length bytes (default and at most 1 MiB) from "
            + "offset, in base64. end is true when the piece reaches the file's end.",
        access: .admin,
        params: [
            .string("name", "The name daemon.backup answered.", required: true),
            .integer("offset", "The first byte to read (0 for the start).", required: true, minimum: 0),
            .integer("length", "At most this many bytes (1–1048576, default 1048576).", minimum: 1),
        ],
        result: [
            "type": "object",
            "required": ["offset", "data", "end"],
            "properties": [
                "offset": ["type": "integer"],
                "data": ["type": "string", "contentEncoding": "base64"],
                "end": ["type": "boolean"],
            ],
        ])

    public static let daemonBackupRemove = RPCMethodDescriptor(
        name: "daemon.backup_remove",
        summary: "Removes a backup daemon.backup made from the state folder, once it has been read.",
        access: .admin,
        params: [.string("name", "The name daemon.backup answered.", required: true)],
        result: .objectSchema(["removed": ["type": "string"]]))
}

/// The result of `daemon.backup`: the copy that waits in the state folder to be read.
public struct DaemonBackupResult: Codable, Sendable, Hashable {
    public var name: String
    public var size: Int
    public var sha256: String
    public var createdAt: Date
    public var schema: String

    public init(name: String, size: Int, sha256: String, createdAt: Date, schema: String) {
        self.name = name
        self.size = size
        self.sha256 = sha256
        self.createdAt = createdAt
        self.schema = schema
    }

    enum CodingKeys: String, CodingKey {
        case name, size, sha256, schema
        case createdAt = "created_at"
    }
}

/// The params of `daemon.backup_read`.
public struct DaemonBackupReadParams: Codable, Sendable, Hashable {
    /// The most one call hands out: a reply line of about 1.4 MB once in base64.
    public static let maximumLength = 1 << 20

    public var name: String
    public var offset: Int
    public var length: Int?

    public init(name: String, offset: Int, length: Int? = nil) {
        self.name = name
        self.offset = offset
        self.length = length
    }
}

/// The result of `daemon.backup_read`: `data` is the bytes from `offset`, in base64.
public struct DaemonBackupChunk: Codable, Sendable, Hashable {
    public var offset: Int
    public var data: String
    public var end: Bool

    public init(offset: Int, data: String, end: Bool) {
        self.offset = offset
        self.data = data
        self.end = end
    }
}

/// The params of `daemon.backup_remove`.
public struct DaemonBackupRemoveParams: Codable, Sendable, Hashable {
    public var name: String

    public init(name: String) {
        self.name = name
    }
}

/// The result of `daemon.backup_remove`.
public struct DaemonBackupRemoved: Codable, Sendable, Hashable {
    public var removed: String

    public init(removed: String) {
        self.removed = removed
    }
}
