import CoreMetrics
import KaderMetrics

/// The dispatcher's instruments: for each method served, its calls by outcome and their
/// latency. Made once, when the dispatcher is, so that a call records without asking the
/// factory (which takes the registry's lock and allocates) and so that the `method` label
/// only ever holds a registered name: anything else is counted under `unknown`.
struct RPCMetrics: Sendable {
    /// The label of calls to a method not served, and of lines that are no call at all.
    static let unknownMethod = "unknown"

    private let byMethod: [String: MethodInstruments]
    let unknown: MethodInstruments

    init(methods: some Sequence<String>, factory: any MetricsFactory) {
        byMethod = Dictionary(
            methods.map { ($0, MethodInstruments(method: $0, factory: factory)) }, uniquingKeysWith: { first, _ in first })
        unknown = MethodInstruments(method: Self.unknownMethod, factory: factory)
    }

    func instruments(for method: String) -> MethodInstruments {
        byMethod[method] ?? unknown
    }
}
