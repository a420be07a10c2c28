import ArgumentParser
import KaderClient
import KaderRPC

/// `kaderctl plugins`: every plugin file the daemon found, and what became of it.
struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List the plugins: name, version, state, helper process, provinces, hooks and why one failed.",
        discussion: """
            Each loaded plugin runs in a helper process of its own: PID is that process, CALLS the calls \
            sent to it, FAILURES those that failed (a crash, a timeout, a reply kaderd could not use), \
            RESTARTS the helpers started again after one ended. A refused plugin is listed with the reason \
            it was not loaded (its owner or mode, its ABI, a missing symbol, a malformed descriptor, a crash \
            while loading); a failed one with its last failure. The daemon serves on either way.
            Example: kaderctl plugins

            """ + GlobalOptions.helpNote
    )

    @ParentCommand var kaderctl: Kaderctl

    func run() throws {
        let global = kaderctl.global
        let reply = try global.withConnection { connection throws(ClientError) in
            try connection.fetch(.pluginList, EmptyParams(), as: PluginList.self)
        }
        if global.json { return Output.json(reply.raw) }
        guard !reply.value.plugins.isEmpty else {
            Output.error("no plugins found in the daemon's plugin folders")
            return
        }
        var table = Table([
            "NAME", "VERSION", "ABI", "STATE", "PID", "CALLS", "FAILURES", "RESTARTS", "PROVINCES", "HOOKS", "PATH",
            "REASON",
        ])
        for plugin in reply.value.plugins {
            let helper = plugin.helper
            table.append([
                plugin.name ?? "-", plugin.version ?? "-", plugin.abi.map(String.init) ?? "-", plugin.state,
                helper?.pid.map(String.init) ?? "-", helper.map { String($0.calls) } ?? "-",
                helper.map { String($0.failures) } ?? "-", helper.map { String($0.restarts) } ?? "-",
                plugin.provinces.joined(separator: ","), plugin.hooks.joined(separator: ","), plugin.path,
                plugin.reason ?? helper?.lastFailure.map { "last failure: \($0)" } ?? "",
            ])
        }
        Output.print(table.render())
    }
}
