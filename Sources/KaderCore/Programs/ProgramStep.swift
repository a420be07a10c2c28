/// One stage of a program. Its first task starts `offsetDays` after the end of the latest
/// step it comes `after` (or after the workflow's start date), at `time` in the village's
/// zone, and stays open for `durationDays`. A step with a `recurrence` expands into one
/// task per occurrence (mentoring visits). A task that would open during a blackout moves
/// by the step's `blackoutPolicy`.
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
    /// What happens to a task of this step whose window would open during a blackout.
    /// `previousDay` may move it before the step it follows ends: it is meant for work that
    /// must be done before a holiday, not after.
    public var blackoutPolicy: BlackoutPolicy
    /// Whether the workflow's facilitator attends its tasks (key `facilitator`): by default
    /// the trainings and mentoring visits, the work the source text gives Pendamping Desa.
    public var attended: Bool
    /// How many days a task the facilitator attends may move, either way, to fit their
    /// week (key `flex_days`).
    public var flexDays: Int

    public static let defaultTime = TimeOfDay(hour: 9, minute: 0)

    public init(
        id: String, kind: StepKind, title: String, after: [String] = [], offsetDays: Int = 0, durationDays: Int = 1,
        time: TimeOfDay = ProgramStep.defaultTime, recurrence: RecurrenceRule? = nil, records: [String] = [],
        catchUp: CatchUpPolicy? = nil, blackoutPolicy: BlackoutPolicy = .nextDay, attended: Bool? = nil,
        flexDays: Int = 0
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
        self.blackoutPolicy = blackoutPolicy
        self.attended = attended ?? (kind == .training || kind == .mentoringVisit)
        self.flexDays = flexDays
    }
}
