import ArgumentParser
import KaderClient
import KaderRPC

/// `kaderctl reload`: what `systemctl reload kaderd` does, for a kaderd run by hand too.
struct ReloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "Make kaderd re-read its config file, programs, plugins and blackout files.",
        discussion: """
            The same as SIGHUP or systemctl reload kaderd; connections stay open. A config file with a \
            mistake is refused (exit 65, the file and line named) and the running configuration kept. \
            Prints which changed settings wait for a restart and how many planned tasks new blackouts \
            fall on.
            Example: kaderctl reload

            """ + GlobalOptions.helpNote
    )

    @ParentCommand var kaderctl: Kaderctl

    func run() throws {
        let global = kaderctl.global
        let reply = try global.withConnection { connection throws(ClientError) in
            try connection.fetch(.daemonReload, EmptyParams(), as: DaemonReloadResult.self)
        }
        if global.json { return Output.json(reply.raw) }
        let result = reply.value
        Output.print("kaderd reloaded \(result.configFile ?? "its defaults (no config file)")")
        var facts = [("at", MachineTime.display(result.reloadedAt)), ("log level", result.logLevel)]
        if !result.needsRestart.isEmpty {
            facts.append(("needs restart", result.needsRestart.joined(separator: ", ") + " (changed; restart kaderd to apply)"))
        }
        if result.tasksOnNewBlackouts > 0 {
            facts.append(("tasks on new blackouts", "\(result.tasksOnNewBlackouts) (kaderctl blackouts --affected lists them)"))
        }
        Output.print(Output.facts(facts))
        result.blackoutFilesRefused.forEach { Output.error("blackout file refused: \($0)") }
    }
}
