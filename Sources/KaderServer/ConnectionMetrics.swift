import CoreMetrics
import KaderMetrics

/// The server's connection counts: accepted, turned away at the limit, open now. Several
/// servers (sockets) of one daemon add to the same series.
struct ConnectionMetrics: Sendable {
    let accepted: Counter
    let turnedAway: Counter
    let open: Meter

    init(factory: any MetricsFactory) {
        accepted = Counter(label: KaderMetric.connectionsAccepted.name, factory: factory)
        turnedAway = Counter(label: KaderMetric.connectionsTurnedAway.name, factory: factory)
        open = Meter(label: KaderMetric.connectionsOpen.name, factory: factory)
    }
}
