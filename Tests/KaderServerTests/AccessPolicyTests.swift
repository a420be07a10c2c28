import KaderRPC
import KaderServer
import Logging
import Synchronization
import Testing

/// The decision itself, over credentials as the kernel would report them.
@Suite struct AccessPolicyTests {
    let policy = AccessPolicy(
        admin: .init(name: "kaderd-admin", gid: 900), read: .init(name: "kaderd-read", gid: 901), ownerUID: 500)

    private func peer(uid: UInt32, gid: UInt32 = 100, groups: Set<UInt32> = []) -> PeerCredentials {
        PeerCredentials(pid: 1, uid: uid, gid: gid, groups: groups)
    }

    @Test func grantsByUserAndGroup() {
        #expect(policy.grant(for: peer(uid: 0)) == .everything)
        #expect(policy.grant(for: peer(uid: 500)) == .everything)
        #expect(policy.grant(for: peer(uid: 1001, groups: [900])) == .everything)
        #expect(policy.grant(for: peer(uid: 1001, gid: 900)) == .everything)
        #expect(policy.grant(for: peer(uid: 1002, groups: [901, 7])) == .readOnly)
        #expect(policy.grant(for: peer(uid: 1003, groups: [7])) == .nothing)
        // A group missing from the system admits no one, not everyone.
        let missing = AccessPolicy(admin: .init(name: "gone", gid: nil), read: .init(name: "gone2", gid: nil), ownerUID: 500)
        #expect(missing.grant(for: peer(uid: 1003, groups: [7])) == .nothing)
    }

    @Test func refusalsNameTheMethodAndTheGroupNeeded() throws {
        let reader = peer(uid: 1002, groups: [901])
        #expect(policy.refusal(method: "cadre.list", access: .read, peer: reader) == nil)
        #expect(policy.refusal(method: "no.such", access: nil, peer: reader) == nil)
        let write = try #require(policy.refusal(method: "cadre.register", access: .write, peer: reader))
        #expect(write.kind == .forbidden && write.code == -32002)
        #expect(write.message.contains("cadre.register") && write.message.contains("kaderd-admin"))

        let outsider = try #require(policy.refusal(method: "cadre.list", access: .read, peer: peer(uid: 1003)))
        #expect(outsider.message.contains("kaderd-read or kaderd-admin") && outsider.message.contains("uid 1003"))
        #expect(policy.refusal(method: "no.such", access: nil, peer: peer(uid: 1003))?.kind == .forbidden)
        #expect(policy.refusal(method: "cadre.list", access: .read, peer: nil)?.kind == .forbidden)
    }

    /// A backup changes nothing, yet holds every record: the admin group's, not the readers'.
    @Test func anAdminMethodIsForTheAdminGroupOnly() throws {
        #expect(policy.refusal(method: "daemon.backup", access: .admin, peer: peer(uid: 1001, groups: [900])) == nil)
        #expect(policy.refusal(method: "daemon.backup", access: .admin, peer: peer(uid: 500)) == nil)
        let reader = try #require(policy.refusal(method: "daemon.backup", access: .admin, peer: peer(uid: 1002, groups: [901])))
        #expect(reader.kind == .forbidden)
        #expect(reader.message.contains("copy of the whole store") && reader.message.contains("kaderd-admin"))
        let outsider = try #require(policy.refusal(method: "daemon.backup", access: .admin, peer: peer(uid: 1003)))
        #expect(outsider.message.contains("the group kaderd-admin;"), "\(outsider.message)")
    }

    @Test func aRefusedNotificationGetsNoReplyAndIsReported() async throws {
        let reported = Mutex<[AccessControl.Refusal]>([])
        let access = AccessControl(policy: policy) { refusal in reported.withLock { $0.append(refusal) } }
        let ran = Mutex(false)
        let method = RPCMethod(RPCMethodDescriptor(name: "test.poke", summary: "Changes", access: .write, result: [:])) { _ in
            ran.withLock { $0 = true }
            return .null
        }
        let dispatcher = RPCDispatcher(methods: [method], access: access)
        let context = RPCContext(peer: peer(uid: 1002, groups: [901]), logger: Logger(label: "test"))
        let reply = await dispatcher.handle(line: Array(#"{"jsonrpc":"2.0","method":"test.poke"}"#.utf8), context: context)
        #expect(reply == nil)
        #expect(!ran.withLock { $0 })
        #expect(reported.withLock { $0.map(\.method) } == ["test.poke"])
        #expect(reported.withLock { $0.first?.silent } == true)
    }
}
