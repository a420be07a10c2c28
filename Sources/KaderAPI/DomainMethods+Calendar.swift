import KaderCore
import KaderEngine
import KaderRPC
import KaderServer

extension DomainMethods {
    /// Who wrote the files, with the version, for whoever reads one years later.
    static let calendarProductID = "-//kaderd//kaderd \(KaderVersion.current)//EN"

    var calendarMethods: [RPCMethod] {
        [
            method(.calendarExport) { (input: CalendarInput.Export, _) in
                let calendar = try await service.calendar(for: input.scope, from: input.from, through: input.through)
                let text = ICalendarWriter(productID: Self.calendarProductID)
                    .write(name: calendar.name, events: calendar.events, stamp: calendar.madeAt)
                return CalendarExport(calendar: text, events: calendar.items.count)
            }
        ]
    }
}
