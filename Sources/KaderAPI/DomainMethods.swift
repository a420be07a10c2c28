import CoreMetrics
import KaderCore
import KaderEngine
import KaderMetrics
import KaderRPC
import KaderServer

/// The API over the workflow service: each method decodes its params, calls the engine
/// and maps the result to the wire. Split by noun across the files beside this one.
public struct DomainMethods: Sendable {
    let service: WorkflowService
    /// The blackout files in use and refused, as of the latest start or reload, for `blackout.list`.
    let blackoutFiles: @Sendable () -> BlackoutFileSet
    /// Each event sent to a subscriber (`kaderd_events_streamed_total`).
    let eventsStreamed: Counter
    /// The large imports being sent in chunks (`cadre.import_*`).
    let imports = CadreImports()
    var directory: RegionDirectory { service.directory }
    var wire: WireMapping { WireMapping(directory: service.directory) }

    /// - Parameter metrics: where the events streamed are counted; the process's
    ///   bootstrapped factory by default.
    public init(
        service: WorkflowService, blackoutFiles: @escaping @Sendable () -> BlackoutFileSet,
        metrics: any MetricsFactory = MetricsSystem.factory
    ) {
        self.eventsStreamed = Counter(label: KaderMetric.eventsStreamed.name, factory: metrics)
        self.service = service
        self.blackoutFiles = blackoutFiles
    }

    public var methods: [RPCMethod] {
        regionMethods + programMethods + cadreMethods + workflowMethods + taskMethods + reportMethods + eventMethods
            + pluginMethods
            + scheduleMethods + blackoutMethods + facilitatorMethods + calendarMethods
    }

    /// The caller as the history records it.
    static func caller(_ call: RPCCall) -> Caller {
        Caller(uid: call.context.peer?.uid)
    }
}
