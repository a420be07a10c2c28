import Foundation

/// One task a program asks for, placed in time.
public struct PlannedTask: Sendable, Hashable {
    public var stepID: String
    public var kind: StepKind
    public var title: String
    public var occurrence: Int
    public var occurrences: Int
    public var windowStart: Date
    public var windowEnd: Date
}

/// Turns a program and a start date into dated tasks, in the village's own zone.
///
/// A step's first task opens `offsetDays` after the day the latest step it follows ends
/// (the workflow's start date for a step that follows none), at the step's time of day;
/// its window lasts `durationDays`. A recurring step repeats by its rule from that first
/// start, and ends when its last occurrence does.
public enum WorkflowPlanner {
    /// A recurring step without COUNT or UNTIL stops here, so every plan is finite.
    public static let maximumOccurrences = 120

    public static func plan(_ program: Program, start: LocalDate, zone: TimeZone) throws -> [PlannedTask] {
        var endDays: [String: LocalDate] = [:]
        var tasks: [PlannedTask] = []
        for step in program.steps {
            let base = step.after.compactMap { endDays[$0] }.max() ?? start
            let first = try LocalDateTime(date: base.adding(days: step.offsetDays), hour: step.time.hour, minute: step.time.minute)
            let starts = step.recurrence.map { rule in
                rule.localOccurrences(from: first, in: zone, limit: maximumOccurrences)
            } ?? [first]
            for (index, localStart) in starts.enumerated() {
                tasks.append(
                    PlannedTask(
                        stepID: step.id, kind: step.kind, title: step.title, occurrence: index + 1,
                        occurrences: starts.count, windowStart: localStart.date(in: zone),
                        windowEnd: localStart.adding(days: step.durationDays).date(in: zone)))
            }
            endDays[step.id] = (starts.last ?? first).date.adding(days: step.durationDays)
        }
        return tasks
    }
}
