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
    /// Set when the window was moved off a blackout: the time it would have opened, and why.
    public var shift: BlackoutShift?
}

/// Turns a program and a start date into dated tasks, in the village's own zone.
///
/// A step's first task opens `offsetDays` after the day the latest step it follows ends
/// (the workflow's start date for a step that follows none), at the step's time of day;
/// its window lasts `durationDays`. A recurring step repeats by its rule from that first
/// start, and ends when its last occurrence does. A task whose window would open during a
/// blackout in the village (its own, its district's, regency's, province's or the nation's)
/// moves by its step's blackout policy, each occurrence on its own, and the steps after it
/// follow from where it moved.
public enum WorkflowPlanner {
    /// A recurring step without COUNT or UNTIL stops here, so every plan is finite.
    public static let maximumOccurrences = 120

    /// Without `village`, only the blackouts of the whole province and the nation apply:
    /// a regency's or a village's own day is seen only when the village is given.
    public static func plan(
        _ program: Program, start: LocalDate, province: Province, village: RegionCode? = nil, blackouts: BlackoutCalendar
    ) throws -> [PlannedTask] {
        let zone = province.timeZone
        let place = village ?? province.code
        var endDays: [String: LocalDate] = [:]
        var tasks: [PlannedTask] = []
        for step in program.steps {
            let base = step.after.compactMap { endDays[$0] }.max() ?? start
            let first = try LocalDateTime(date: base.adding(days: step.offsetDays), hour: step.time.hour, minute: step.time.minute)
            let starts = step.recurrence.map { rule in
                rule.localOccurrences(from: first, in: zone, limit: maximumOccurrences)
            } ?? [first]
            var lastOpening = first
            for (index, localStart) in starts.enumerated() {
                let shift = try blackouts.shift(localStart, by: step.blackoutPolicy, in: place)
                let opening = shift?.shifted ?? localStart
                tasks.append(
                    PlannedTask(
                        stepID: step.id, kind: step.kind, title: step.title, occurrence: index + 1,
                        occurrences: starts.count, windowStart: opening.date(in: zone),
                        windowEnd: opening.adding(days: step.durationDays).date(in: zone), shift: shift))
                lastOpening = opening
            }
            endDays[step.id] = lastOpening.date.adding(days: step.durationDays)
        }
        return tasks
    }
}
