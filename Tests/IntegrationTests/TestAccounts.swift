import Foundation
import KaderTesting
import Testing

/// Real users and groups made for a test with `groupadd`/`useradd`, and removed after it.
///
/// Authorization rests on what the kernel says about a caller, so only a caller that really
/// is another user tests it. Needs root, as CI runs the suite.
final class TestAccounts: Sendable {
    let prefix: String
    private let users: [String]
    private let groups: [String]

    /// Makes `groups`, then each user with a group of its own name (its primary group) and
    /// membership of the groups listed for it.
    init(groups: [String], users: [(name: String, memberOf: [String])]) async throws {
        try #require(
            getuid() == 0,
            "This test creates users and groups to connect as them, so it must run as root (as CI does): run `sudo make test`")
        let prefix = "kdt" + String(UInt32.random(in: 0..<(36 * 36 * 36 * 36)), radix: 36)
        self.prefix = prefix
        self.groups = groups.map { prefix + $0 }
        self.users = users.map { prefix + $0.name }
        for group in self.groups {
            try await Self.must("/usr/sbin/groupadd", [group])
        }
        for user in users {
            var arguments = ["--no-create-home", "--user-group", "--shell", "/usr/sbin/nologin"]
            if !user.memberOf.isEmpty { arguments += ["--groups", user.memberOf.map { prefix + $0 }.joined(separator: ",")] }
            try await Self.must("/usr/sbin/useradd", arguments + [prefix + user.name])
        }
    }

    func name(_ short: String) -> String { prefix + short }

    /// Runs a program as `user`, with that user's groups as a login would give them.
    func run(as user: String, _ executable: String, _ arguments: [String]) async throws -> ProcessResult {
        let name = prefix + user
        return try await KaderTesting.run(
            "/usr/bin/setpriv", ["--reuid", name, "--regid", name, "--init-groups", "--", executable] + arguments)
    }

    func uid(_ user: String) throws -> UInt32 {
        try #require(getpwnam(prefix + user)?.pointee.pw_uid)
    }

    /// Removed on a thread of its own: userdel and groupdel take their time under load, and
    /// the test's cooperative thread is needed by the in-process servers of other tests.
    deinit {
        let (users, groups) = (self.users, self.groups)
        Thread {
            for user in users { _ = try? ChildProcess("/usr/sbin/userdel", [user]).wait() }
            for group in groups { _ = try? ChildProcess("/usr/sbin/groupdel", [group]).wait() }
        }.start()
    }

    private static func must(_ executable: String, _ arguments: [String]) async throws {
        let result = try await KaderTesting.run(executable, arguments)
        try #require(result.status == 0, "\(executable) \(arguments.joined(separator: " ")): \(result.stderr)")
    }
}
