/// When a recurrence stops: after a number of occurrences (`COUNT`) or at a bound
/// (`UNTIL`), which is inclusive, as RFC 5545 says.
public enum RecurrenceEnd: Sendable, Hashable {
    /// After this many occurrences, the start included when it matches.
    case count(Int)
    /// Through the last occurrence on this day, in the zone the rule is expanded in
    /// (`UNTIL=20260630`). A date bounds whole days, so a task at 09:00 on 30 June
    /// belongs to a rule "until 30 June".
    case untilDate(LocalDate)
    /// Through this wall-clock time in the zone the rule is expanded in
    /// (`UNTIL=20260630T170000`).
    case untilLocal(LocalDateTime)
    /// Through this instant, given as the wall-clock time in UTC (`UNTIL=20260630T100000Z`).
    case untilUTC(LocalDateTime)
}
