import Foundation
import KaderCore

/// The tasks of a calendar export, read from one snapshot of the store, and the moment
/// they were read: what `ICalendarWriter` turns into a file.
public struct TaskCalendar: Sendable {
    /// The calendar's name as a phone lists it: `kaderd – Munggu (51.03.02.2001)`.
    public var name: String
    /// In the order the tasks open.
    public var items: [TaskCalendarItem]
    /// When the tasks were read, by the engine's clock: the file's `DTSTAMP`.
    public var madeAt: Date

    public init(name: String, items: [TaskCalendarItem], madeAt: Date) {
        self.name = name
        self.items = items
        self.madeAt = madeAt
    }

    public var events: [CalendarEvent] { items.map(\.event) }
}
