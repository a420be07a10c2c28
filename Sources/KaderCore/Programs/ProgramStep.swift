/// One stage of a program. Its first task starts `offsetDays` after the end of the latest
/// step it comes `after` (or after the workflow's start date), at `time` in the village's
/// zone, and stays open for `durationDays`. A step with a `recurrence` expands into one
/// task per occurrence (mentoring visits).
public struct ProgramStep: Sendable, Hashable {
    public var id: String
    public var kind: StepKind
    public var title: String
    public var after: [String]
    public var offsetDays: Int
    public var durationDays: Int
    public var time: TimeOfDay
    public var recurrence: RecurrenceRule?
    /// What must be recorded when a task of this step is completed (e.g. the SK's number and date).
    public var records: [String]
    /// What to do with tasks whose window opened while the daemon was down.
    public var catchUp: CatchUpPolicy

    public static let defaultTime = TimeOfDay(hour: 9, minute: 0)

    public init(
        id: String, kind: StepKind, title: String, after: [String] = [], offsetDays: Int = 0, durationDays: Int = 1,
        time: TimeOfDay = ProgramStep.defaultTime, recurrence: RecurrenceRule? = nil, records: [String] = [],
        catchUp: CatchUpPolicy? = nil
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.after = after
        self.offsetDays = offsetDays
        self.durationDays = durationDays
        self.time = time
        self.recurrence = recurrence
        self.records = records
        self.catchUp = catchUp ?? .default(for: kind)
    }
}
