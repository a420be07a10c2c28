import Foundation
import KaderCore
import KaderEngine
import KaderServer
import Logging

extension Kaderd {
    /// The access policy from the settings, with every refusal written to the history, so a
    /// sysadmin can see who tried what (`kaderctl call events.subscribe` shows them live).
    static func accessControl(settings: DaemonSettings, service: WorkflowService, logger: Logger) -> AccessControl {
        let policy = settings.accessPolicy
        logPolicy(policy, logger: logger)
        return AccessControl(policy: policy) { refusal in
            do {
                try await service.recordDaemonEvent(
                    "refused", caller: Caller(uid: refusal.peer?.uid), detail: ["method": refusal.method])
            } catch {
                logger.error("cannot record a refused call in the history", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Puts a reloaded policy in force; the groups are looked up again, so a group created
    /// since start-up takes effect with a reload.
    static func apply(_ policy: AccessPolicy, to access: AccessControl, logger: Logger) {
        guard policy != access.policy else { return }
        access.policy = policy
        logPolicy(policy, logger: logger)
    }

    private static func logPolicy(_ policy: AccessPolicy, logger: Logger) {
        for group in [policy.admin, policy.read] where group.gid == nil {
            logger.warning(
                "group does not exist; no one is admitted through it", metadata: ["group": "\(group.name)"])
        }
        logger.info(
            "access policy",
            metadata: [
                "admin_group": "\(policy.admin.name)(\(policy.admin.gid.map(String.init) ?? "missing"))",
                "read_group": "\(policy.read.name)(\(policy.read.gid.map(String.init) ?? "missing"))",
                "owner_uid": "\(policy.ownerUID)",
            ])
    }
}
