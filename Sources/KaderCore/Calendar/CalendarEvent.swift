import Foundation

/// One `VEVENT` of a calendar file, in the terms of RFC 5545 rather than kaderd's: what
/// `ICalendarWriter` writes. `TaskCalendarItem` makes one from a task.
public struct CalendarEvent: Sendable, Hashable {
    /// Stays the same across exports, so that importing a newer file updates the event
    /// instead of adding a second one.
    public var uid: String
    public var start: Date
    public var end: Date
    /// The IANA zone whose wall clock `start` and `end` are written in (`TZID=`), so a phone
    /// shows 09:00 WITA as the village reads it even when it travels.
    public var zoneIdentifier: String
    public var summary: String
    public var location: String
    public var description: String
    public var status: CalendarEventStatus
    /// The revision number: a phone keeps the copy with the higher one.
    public var sequence: Int
    public var lastModified: Date

    public init(
        uid: String, start: Date, end: Date, zoneIdentifier: String, summary: String, location: String,
        description: String, status: CalendarEventStatus, sequence: Int, lastModified: Date
    ) {
        self.uid = uid
        self.start = start
        self.end = end
        self.zoneIdentifier = zoneIdentifier
        self.summary = summary
        self.location = location
        self.description = description
        self.status = status
        self.sequence = sequence
        self.lastModified = lastModified
    }
}
