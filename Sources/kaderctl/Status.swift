import ArgumentParser
import KaderClient
import KaderRPC

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show whether kaderd is running, its version, uptime, socket and state folder.",
        discussion: """
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
        if let holidays = status.holidays {
            let years = "\(holidays.firstYear)–\(holidays.lastYear)"
            facts.append(("holidays", holidays.warning.map { "\(years); WARNING: \($0)" } ?? years))
        }
        Output.print(Output.facts(facts))
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
