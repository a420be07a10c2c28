import KaderCore
import KaderEngine
import KaderRPC

/// The checked input of `calendar.export`.
enum CalendarInput {
    struct Export: MethodInput {
        let scope: CalendarScope
        /// The first and last days held; the engine's defaults when nil.
        let from: LocalDate?
        let through: LocalDate?

        init(_ params: CalendarExportParams, in directory: RegionDirectory) throws(RPCError) {
            var reader = ParamReader()
            let scope = reader.calendarScope(params, directory: directory)
            (from, through) = reader.days(from: params.from, to: params.to)
            self.scope = try reader.check("the calendar cannot be made", scope)
        }
    }
}

extension ParamReader {
    /// Exactly one of the scopes a calendar can be made for, checked for its form; another
    /// scope is one more `if` here.
    fileprivate mutating func calendarScope(_ params: CalendarExportParams, directory: RegionDirectory) -> CalendarScope? {
        var given: [String] = []
        var scope: CalendarScope?
        if let village = params.village {
            given.append("village")
            scope = regionCode(village, field: "village", level: .village, directory: directory).map(CalendarScope.village)
        }
        if let workflow = params.workflow {
            given.append("workflow")
            scope = id(workflow, field: "workflow", as: WorkflowKind.self).map(CalendarScope.workflow)
        }
        if let facilitator = params.facilitator {
            given.append("facilitator")
            scope = id(facilitator, field: "facilitator", as: FacilitatorKind.self).map(CalendarScope.facilitator)
        }
        switch given.count {
        case 0: note("village", "give a village code (e.g. 51.03.02.2001), a workflow id (wf_…) or a facilitator id (fac_…)")
        case 1: return scope
        default: note(given[1], "give only one of \(given.joined(separator: ", ")), whose tasks the calendar holds")
        }
        return nil
    }
}
