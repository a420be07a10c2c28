/// One of kaderd's metrics as Prometheus shows it: the name (`kaderd_` prefix, base units,
/// `_total` on counters), the HELP text, and the buckets of a histogram.
///
/// Every metric kaderd records is listed here, in one place, so a sysadmin's dashboard has
/// one list to read and the names cannot drift between the module that records and the
/// registry that adds the HELP line. Labels are bounded by whoever records: methods from the
/// registered set (`unknown` for anything else), plugins as loaded, states and outcomes from
/// fixed lists.
public struct KaderMetric: Sendable, Hashable {
    public let name: String
    public let help: String
    /// For a histogram, its upper bounds in seconds (or plain values); empty otherwise.
    public let buckets: [Double]

    init(_ name: String, _ help: String, buckets: [Double] = []) {
        self.name = name
        self.help = help
        self.buckets = buckets
    }
}

extension KaderMetric {
    // MARK: The RPC server (KaderServer)

    public static let rpcRequests = KaderMetric(
        "kaderd_rpc_requests_total",
        "JSON-RPC calls answered, by method (unknown for a name not served or a line that is not a call) and outcome (ok, error).")
    public static let rpcRequestDuration = KaderMetric(
        "kaderd_rpc_request_duration_seconds",
        "Time from a call's dispatch to its result, by method; writing the reply out is not included.",
        buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10])
    public static let connectionsAccepted = KaderMetric(
        "kaderd_connections_accepted_total", "Client connections accepted on the socket, served or turned away.")
    public static let connectionsTurnedAway = KaderMetric(
        "kaderd_connections_turned_away_total", "Client connections answered 'unavailable' and closed: max_connections were open.")
    public static let connectionsOpen = KaderMetric(
        "kaderd_connections_open", "Client connections being served now.")

    // MARK: The scheduler and the plugins (KaderEngine)

    public static let schedulerLag = KaderMetric(
        "kaderd_scheduler_lag_seconds",
        "How late each task turned due: from its window's opening to the commit that made it due (catch-ups excluded).",
        buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300])
    public static let catchUps = KaderMetric(
        "kaderd_catch_ups_total", "Catch-ups made after downtime (at start, or by a new leader after the whole cluster was down).")
    public static let catchUpTasks = KaderMetric(
        "kaderd_catch_up_tasks_total",
        "Tasks whose windows opened during downtime, by the step's catch_up policy that handled them (once, all, skip, reschedule).")
    public static let pluginCalls = KaderMetric(
        "kaderd_plugin_calls_total", "Calls sent to a plugin's helper process, answered or not, by plugin.")
    public static let pluginFailures = KaderMetric(
        "kaderd_plugin_failures_total",
        "Plugin calls that failed (crash, timeout, a reply kaderd could not use) and failed restarts, by plugin.")
    public static let pluginRestarts = KaderMetric(
        "kaderd_plugin_restarts_total", "Helper processes started again after the first, by plugin.")

    // MARK: The store (KaderSQLite, KaderPostgres)

    public static let storeCommitDuration = KaderMetric(
        "kaderd_store_commit_duration_seconds",
        "Time from a write's start to its commit being acknowledged (durable as configured), waiting for a group commit included.",
        buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5])

    // MARK: The API (KaderAPI)

    public static let eventsStreamed = KaderMetric(
        "kaderd_events_streamed_total", "History events sent to events.subscribe subscribers, one per event per subscriber.")

    // MARK: The daemon (kaderd)

    public static let reloads = KaderMetric(
        "kaderd_reloads_total", "Reloads (SIGHUP, daemon.reload), by outcome: ok, or refused (the running configuration kept).")
    public static let tasks = KaderMetric(
        "kaderd_tasks", "Tasks in the store by state, as of the latest commit seen.")
    public static let activeWorkflows = KaderMetric(
        "kaderd_workflows_active", "Workflows neither completed nor cancelled, as of the latest commit seen.")
    public static let buildInfo = KaderMetric(
        "kaderd_build_info", "Always 1; the version label says which kaderd runs.")
    public static let startTime = KaderMetric(
        "kaderd_start_time_seconds", "When this kaderd started, in seconds since the Unix epoch.")

    /// Every metric, for the registry's HELP lines and the tests.
    public static let all: [KaderMetric] = [
        rpcRequests, rpcRequestDuration, connectionsAccepted, connectionsTurnedAway, connectionsOpen,
        schedulerLag, catchUps, catchUpTasks, pluginCalls, pluginFailures, pluginRestarts,
        storeCommitDuration, eventsStreamed, reloads, tasks, activeWorkflows, buildInfo, startTime,
    ]
}
