import KaderCore
import KaderEngine
import KaderRPC
import KaderServer

/// The API over the workflow service: each method decodes its params, calls the engine
/// and maps the result to the wire. Split by noun across the files beside this one.
public struct DomainMethods: Sendable {
    let service: WorkflowService
    /// The blackout files in use and refused, as of the latest start or reload, for `blackout.list`.
    let blackoutFiles: @Sendable () -> BlackoutFileSet
    var directory: RegionDirectory { service.directory }
    var wire: WireMapping { WireMapping(directory: service.directory) }

    public init(service: WorkflowService, blackoutFiles: @escaping @Sendable () -> BlackoutFileSet) {
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
