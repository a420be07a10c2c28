/// An event's `STATUS` in a calendar file: whether it still takes place.
///
/// kaderd writes `confirmed` for every task that was not cancelled, whatever else its state
/// (scheduled, due, done, missed…): the time is the one kaderd holds, and phones show a
/// tentative event as "maybe", which would read as doubt about the plan rather than about
/// the outcome. The task's own state is written in the event's description.
public enum CalendarEventStatus: String, Sendable, Hashable, CaseIterable {
    case tentative = "TENTATIVE"
    case confirmed = "CONFIRMED"
    case cancelled = "CANCELLED"
}
