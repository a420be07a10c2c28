import KaderCore
import KaderEngine
import KaderRPC
import KaderServer

extension DomainMethods {
    /// Who wrote the files, with the version, for whoever reads one years later.
    static let calendarProductID = "-//kaderd//kaderd \(KaderVersion.current)//EN"

    var calendarMethods: [RPCMethod] {
        [
            RPCMethod(.calendarExport) { call in
                let params = try call.decodeParams(CalendarExportParams.self)
                var reader = ParamReader()
                let givenScope = reader.calendarScope(params)
                let from = reader.localDate(params.from, field: "from")
                let through = reader.localDate(params.to, field: "to")
                if let from, let through, through < from { reader.note("to", "\(through) is before from (\(from))") }
                let scope = try reader.check("the calendar cannot be made", givenScope)
                let calendar = try await service.calendar(for: scope, from: from, through: through)
                let text = ICalendarWriter(productID: Self.calendarProductID)
                    .write(name: calendar.name, events: calendar.events, stamp: calendar.madeAt)
                return CalendarExport(calendar: text, events: calendar.items.count)
            }
        ]
    }
}

extension ParamReader {
    /// Exactly one of the scopes a calendar can be made for, checked for its form; another
    /// scope is one more `if` here.
    fileprivate mutating func calendarScope(_ params: CalendarExportParams) -> CalendarScope? {
        var given: [String] = []
        var scope: CalendarScope?
        if let village = params.village {
            given.append("village")
            scope = regionCode(village, field: "village", level: .village).map(CalendarScope.village)
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
