import KaderRPC

/// Who may call what, decided from the caller's credentials alone.
///
/// Three tiers, so that a socket readable by staff is not also a way to change things (as
/// Docker's all-or-nothing socket is): root, the daemon's own user and members of the admin
/// group may call every method; members of the read group may call the `.read` ones; anyone
/// else may call nothing. Groups are held by name and gid: the name for messages, the gid
/// (nil when the group does not exist on this system, which then admits no one) to decide.
public struct AccessPolicy: Sendable, Hashable {
    public struct Group: Sendable, Hashable {
        public var name: String
        public var gid: UInt32?

        public init(name: String, gid: UInt32?) {
            self.name = name
            self.gid = gid
        }

        /// Looks the group up in the system's group database.
        public static func named(_ name: String) -> Group {
            Group(name: name, gid: SystemGroups.gid(named: name))
        }
    }

    /// What a caller may do.
    public enum Grant: String, Sendable, Hashable {
        case everything
        case readOnly = "read-only"
        case nothing
    }

    public var admin: Group
    public var read: Group
    /// The user the daemon runs as: a daemon started by hand serves the one who started it.
    public var ownerUID: UInt32

    public init(admin: Group, read: Group, ownerUID: UInt32) {
        self.admin = admin
        self.read = read
        self.ownerUID = ownerUID
    }

    public func grant(for peer: PeerCredentials) -> Grant {
        if peer.uid == 0 || peer.uid == ownerUID { return .everything }
        if let gid = admin.gid, peer.isMember(of: gid) { return .everything }
        if let gid = read.gid, peer.isMember(of: gid) { return .readOnly }
        return .nothing
    }

    /// The error for a call the caller may not make, nil when it may. `access` is nil for a
    /// method that does not exist: only a caller who may call something learns that.
    public func refusal(method: String, access: RPCMethodDescriptor.Access?, peer: PeerCredentials?) -> RPCError? {
        guard let peer else {
            return RPCError(.forbidden, "\(method) refused: the caller's credentials are unknown")
        }
        switch (grant(for: peer), access) {
        case (.everything, _), (.readOnly, .read), (.readOnly, nil):
            return nil
        case (.readOnly, .write):
            return RPCError(
                .forbidden,
                "\(method) changes things: it needs membership of the group \(admin.name) (or root); uid \(peer.uid) may only read",
                extra: ["method": .string(method), "uid": .number(JSONNumber(Int(peer.uid))), "group": .string(admin.name)])
        case (.readOnly, .admin):
            return RPCError(
                .forbidden,
                "\(method) hands out a copy of the whole store: it needs membership of the group \(admin.name) (or root); "
                    + "uid \(peer.uid) may only read",
                extra: ["method": .string(method), "uid": .number(JSONNumber(Int(peer.uid))), "group": .string(admin.name)])
        case (.nothing, _):
            let needed = access == .write || access == .admin ? admin.name : "\(read.name) or \(admin.name)"
            return RPCError(
                .forbidden,
                "\(method) refused: it needs membership of the group \(needed); uid \(peer.uid) is in neither \(read.name) nor \(admin.name)",
                extra: ["method": .string(method), "uid": .number(JSONNumber(Int(peer.uid))), "group": .string(needed)])
        }
    }
}
