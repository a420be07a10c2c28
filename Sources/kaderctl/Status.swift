import ArgumentParser
import KaderClient
import KaderRPC

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show whether kaderd is running, its version, uptime, socket and state folder.",
        discussion: """
            With a PostgreSQL store, also this node's name and role, who leads and every node sharing \
            the database, with how long ago each was last seen alive.
            Exits 0 when the daemon answers, 69 when it cannot be reached; with --json, every setting in \
            use under "config".
            Example: kaderctl status

            """ + GlobalOptions.helpNote
    )

    @ParentCommand var kaderctl: Kaderctl
    var global: GlobalOptions { kaderctl.global }

    func run() throws {
        let raw = try global.withConnection { connection throws(ClientError) in
            try connection.call(RPCMethodDescriptor.daemonStatus.name)
        }
        if global.json {
            Output.json(raw)
            return
        }
        guard let status = try? raw.decode(DaemonStatus.self) else {
            throw CommandFailure(kind: .internalError, message: "kaderd sent a status this kaderctl cannot read: \(raw)").report()
        }
        Output.print("kaderd \(status.version) is running")
        var facts = [
            ("pid", String(status.pid)),
            ("up", "\(Duration.humanized(seconds: status.uptimeSeconds)) (since \(MachineTime.display(status.startedAt)))"),
            ("socket", status.socket),
            ("state", status.stateDir),
            ("config", status.configFile ?? "(none: all defaults)"),
        ]
        if let reload = status.lastReload { facts.append(("reloaded", MachineTime.display(reload))) }
        if let problem = status.lastReloadError {
            facts.append(("reload", "refused, the previous configuration runs: \(problem)"))
        }
        if let schedule = status.schedule {
            let order = ["scheduled", "due", "in_progress", "done", "missed", "cancelled", "failed"]
            let counts = order.compactMap { state in schedule.tasks[state].map { "\($0) \(state)" } }
            facts.append(("workflows", "\(schedule.activeWorkflows) active"))
            facts.append(("tasks", counts.joined(separator: ", ")))
            if let next = schedule.nextDue {
                facts.append(("next", "\(LocalTime.display(next.windowStart, zone: next.zone))  \(next.title) (\(next.villageName), \(next.id))"))
            }
            if let catchUp = schedule.lastCatchUp {
                let handled = catchUp.counts.keys.sorted().map { "\(catchUp.counts[$0]!) \($0)" }.joined(separator: ", ")
                facts.append(("caught up", "\(MachineTime.display(catchUp.at)) after downtime since \(MachineTime.display(catchUp.downSince)): \(handled.isEmpty ? "nothing missed" : handled)"))
            }
        }
        if let cluster = status.cluster { facts += Self.facts(cluster) }
        if let holidays = status.holidays {
            let years = "\(holidays.firstYear)–\(holidays.lastYear)"
            facts.append(("holidays", holidays.warning.map { "\(years); WARNING: \($0)" } ?? years))
        }
        Output.print(Output.facts(facts))
    }
}

extension Status {
    /// "node  b, follower; a leads (term 3, lease renewed 1.2 s ago)" and a line per node.
    static func facts(_ cluster: ClusterStatus) -> [(String, String)] {
        let leads = switch (cluster.role, cluster.leader) {
        case ("leader", _): "this node leads"
        case (_, let leader?): "\(leader) leads"
        default: "no node leads yet"
        }
        let age = cluster.leaseAgeSeconds.map { ", lease renewed \(tenths($0)) s ago" } ?? ""
        var facts = [("node", "\(cluster.node), \(cluster.role); \(leads) (term \(cluster.term)\(age))")]
        if abs(cluster.clockOffsetSeconds) >= 1 {
            let side = cluster.clockOffsetSeconds < 0 ? "ahead of" : "behind"
            facts.append(("clock", "this machine's is \(tenths(abs(cluster.clockOffsetSeconds))) s \(side) the database's, which decides what is due"))
        }
        for node in cluster.nodes {
            let seen = "seen \(tenths(node.seenSecondsAgo)) s ago"
            let mark = node.name == cluster.leader ? " (leader)" : ""
            facts.append(("  " + node.name, "kaderd \(node.version), pid \(node.pid), \(seen)\(mark)"))
        }
        return facts
    }

    /// `1.2`: seconds to a tenth, without Foundation's formatting.
    private static func tenths(_ seconds: Double) -> String {
        let tenths = Int((max(0, seconds) * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

extension Duration {
    /// `3d 4h 5m 6s`, leaving out leading zero units.
    static func humanized(seconds: Double) -> String {
        var remaining = Int(seconds.rounded(.down))
        var parts: [String] = []
        for (name, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] {
            let value = remaining / size
            remaining %= size
            if value > 0 || !parts.isEmpty || name == "s" { parts.append("\(value)\(name)") }
        }
        return parts.joined(separator: " ")
    }
}
