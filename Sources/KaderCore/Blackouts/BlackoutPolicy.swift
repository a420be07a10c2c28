/// What happens to a task whose window would open during a blackout. Chosen per step in
/// the program file (`blackout = "next_day"`), because it depends on the work: a
/// mentoring visit can wait a day, a report due before a holiday must come earlier, and
/// some steps (a deadline set by decree) must keep their date whatever happens.
public enum BlackoutPolicy: String, Sendable, Hashable, CaseIterable, Codable {
    /// Move to the next day that is not a blackout, at the same time of day. The default.
    case nextDay = "next_day"
    /// Move to the latest earlier day that is not a blackout, at the same time of day.
    case previousDay = "previous_day"
    /// Leave the task where it is.
    case keep
}
