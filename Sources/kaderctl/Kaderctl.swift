import ArgumentParser
import KaderRPC

@main
struct Kaderctl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kaderctl",
        abstract: "Query and drive kaderd, the cadre-development workflow daemon.",
        discussion: """
            Talks to kaderd over its Unix socket (--socket, else $KADERD_SOCKET, else \(GlobalOptions.defaultSocket)). \
            Prints tables for people and, with --json, the same fields as JSON for scripts. Times are \
            shown in the village's own clock with its zone (WIB, WITA, WIT).

            A first session: find a village, register a cadre, start the default program, see the \
            tasks of next month:
              kaderctl region search kuta --level village
              kaderctl cadre register --name "Ni Luh Ayu" --sex P --birth-year 1994 \\
                --field kesehatan --village 51.03.01.2001
              kaderctl workflow start --cadre cdr_… --start-date 2026-12-01
              kaderctl task list --province 51 --next-month

            Exit status: 0 ok, 64 usage, 65 bad data, 66 not found, 69 daemon unavailable, 70 internal \
            error, 77 permission denied, 80 conflict, 81 duplicate, 82 plugin failed. With --json a \
            failure is one JSON object on stderr: {"error": {"kind", "code", "message", "fields", "exit"}}.
            """,
        version: KaderVersion.current,
        // Every command spells out its commandName: without one, ArgumentParser derives it with
        // String(describing:), and the runtime then scans every protocol conformance in the
        // binary for each command, at every start (a fifth of `kaderctl status`: Benchmarks/README.md).
        subcommands: [
            Status.self, RegionCommand.self, ProgramCommand.self, CadreCommand.self, ImportCommand.self,
            WorkflowCommand.self, TaskCommand.self, FacilitatorCommand.self, ReportCommand.self, Schedule.self, BlackoutsCommand.self,
            CalendarCommand.self, PluginsCommand.self, Watch.self, ReloadCommand.self, MetricsCommand.self,
            BackupCommand.self, Call.self,
        ]
    )

    /// Declared once here so they may stand before or after the command's name.
    @OptionGroup var global: GlobalOptions

    /// ArgumentParser's own main, but a mistake on the command line is JSON too with `--json`.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let status = exitCode(for: error)
            guard Output.errorsAsJSON, status != .success, !(error is ExitCode) else { exit(withError: error) }
            let line = fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            let message = line.hasPrefix("Error: ") ? String(line.dropFirst(7)) : line
            exit(withError: CommandFailure(kind: nil, message: message, exit: .usage).report())
        }
    }
}
