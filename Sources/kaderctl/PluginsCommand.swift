import ArgumentParser
import KaderClient
import KaderRPC

/// `kaderctl plugins`: every plugin file the daemon found, and what became of it.
struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List the plugins: name, version, ABI, state (loaded, refused, failed), reason, provinces, hooks.",
        discussion: """
            A refused plugin is listed with the reason it was not loaded (its owner or mode, its ABI, a \
            missing symbol, a malformed descriptor); a failed one with its last failure. The daemon \
            serves on either way.
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
        var table = Table(["NAME", "VERSION", "ABI", "STATE", "PROVINCES", "HOOKS", "PATH", "REASON"])
        for plugin in reply.value.plugins {
            table.append([
                plugin.name ?? "-", plugin.version ?? "-", plugin.abi.map(String.init) ?? "-", plugin.state,
                plugin.provinces.joined(separator: ","), plugin.hooks.joined(separator: ","), plugin.path,
                plugin.reason ?? "",
            ])
        }
        Output.print(table.render())
    }
}
