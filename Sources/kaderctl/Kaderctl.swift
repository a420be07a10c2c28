import ArgumentParser
import KaderRPC

@main
struct Kaderctl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kaderctl",
        abstract: "Query and drive kaderd, the cadre-development workflow daemon.",
        discussion: """
            Talks to kaderd over its Unix socket (--socket, else $KADERD_SOCKET, else \(GlobalOptions.defaultSocket)).
            Prints tables for people and, with --json, the same fields as JSON for scripts.

            Exit status: 0 ok, 64 usage, 65 bad data, 69 daemon unavailable, 70 internal error,
            77 permission denied.
            """,
        version: KaderVersion.current,
        subcommands: [Status.self, Call.self, Watch.self, Schedule.self]
    )

    /// Declared once here so they may stand before or after the command's name.
    @OptionGroup var global: GlobalOptions
}
