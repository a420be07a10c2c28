import KaderCore
import KaderEngine
import KaderRPC
import KaderServer

/// The API over the workflow service: each method decodes its params, calls the engine
/// and maps the result to the wire. Split by noun across the files beside this one.
struct DomainMethods: Sendable {
    let service: WorkflowService
    /// The blackout files in use and refused, for `blackout.list`.
    let blackoutSources: BlackoutSources
    var directory: RegionDirectory { service.directory }
    var wire: WireMapping { WireMapping(directory: service.directory) }

    var methods: [RPCMethod] {
        regionMethods + programMethods + cadreMethods + workflowMethods + taskMethods + reportMethods + eventMethods
            + pluginMethods
            + scheduleMethods + blackoutMethods + facilitatorMethods + calendarMethods
    }

    /// The caller as the history records it.
    static func caller(_ call: RPCCall) -> Caller {
        Caller(uid: call.context.peer?.uid)
    }
}
