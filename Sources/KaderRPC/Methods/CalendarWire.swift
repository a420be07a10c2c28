/// `calendar.export`: whose tasks, and which days (both included, in the village's calendar).
public struct CalendarExportParams: Codable, Sendable, Hashable {
    public var village: String?
    public var workflow: String?
    public var facilitator: String?
    public var from: String?
    public var to: String?

    public init(
        village: String? = nil, workflow: String? = nil, facilitator: String? = nil, from: String? = nil,
        to: String? = nil
    ) {
        self.village = village
        self.workflow = workflow
        self.facilitator = facilitator
        self.from = from
        self.to = to
    }
}

/// An iCalendar file and how many events it holds.
public struct CalendarExport: Codable, Sendable, Hashable {
    /// The .ics text, CRLF line ends and all: written out byte for byte.
    public var calendar: String
    public var events: Int

    public init(calendar: String, events: Int) {
        self.calendar = calendar
        self.events = events
    }
}
