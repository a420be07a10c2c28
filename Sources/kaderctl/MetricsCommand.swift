import ArgumentParser
import KaderClient
import KaderRPC

/// `kaderctl metrics`: kaderd's metrics for Prometheus. kaderd listens on no network, so
/// they leave through its socket, and node_exporter's textfile collector reads the file
/// this writes (`kaderd-metrics.timer` runs it every minute).
struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Print kaderd's metrics in the Prometheus text format, for node_exporter.",
        discussion: """
            For monitoring: requests by method and outcome, their latency, connections, tasks by state, \
            how late tasks turn due, catch-ups, store commit latency, plugin calls and failures, reloads, \
            events streamed. kaderd listens on no network, so Prometheus gets them through \
            node_exporter's textfile collector: --output writes the file whole or not at all (a \
            temporary file beside it, then renamed over it), so the collector never reads half of one. \
            The kaderd-metrics.timer unit does that every minute. With --json: {"content_type", "text"}.
            Examples:
              kaderctl metrics
              kaderctl metrics --output /var/lib/prometheus/node-exporter/kaderd.prom
              kaderctl metrics | promtool check metrics

            """ + GlobalOptions.helpNote
    )

    @ParentCommand var kaderctl: Kaderctl

    @Option(help: ArgumentHelp("Write the metrics to this file, atomically, instead of to standard output.", valueName: "FILE"))
    var output: String?

    func validate() throws {
        if output != nil && kaderctl.global.json { throw ValidationError("choose --output or --json, not both") }
    }

    func run() throws {
        let global = kaderctl.global
        let reply = try global.withConnection { connection throws(ClientError) in
            try connection.fetch(.daemonMetrics, EmptyParams(), as: DaemonMetricsResult.self)
        }
        if global.json { return Output.json(reply.raw) }
        guard let output else { return Output.write(reply.value.text) }
        do {
            try AtomicFile.write(Array(reply.value.text.utf8), to: output)
        } catch {
            throw CommandFailure(kind: nil, message: "cannot write \(output): \(error)").report()
        }
    }
}
