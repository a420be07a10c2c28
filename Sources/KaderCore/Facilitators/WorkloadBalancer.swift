import Foundation

/// Places the tasks a facilitator attends within what one person can do: `capacity`
/// villages a day, on their working days, off the blackouts of each village's province.
///
/// A task that would overload its day moves to the nearest day that has room within its
/// step's tolerance (`flex_days`), one day later first, then one earlier, and so on; the
/// occurrences of one step keep their order. When no day fits, it keeps its day and says
/// why: a conflict to resolve by hand, never a silent double booking.
public struct WorkloadBalancer: Sendable {
    public let facilitator: Facilitator
    private let blackouts: BlackoutCalendar
    /// Now: no task moves to a day that has begun in its village.
    private let now: Date
    /// The villages the facilitator attends each day, by the day in each village's zone.
    private var villagesByDay: [LocalDate: Set<RegionCode>] = [:]

    public init(facilitator: Facilitator, existing: [Attendance], blackouts: BlackoutCalendar, now: Date) {
        self.facilitator = facilitator
        self.blackouts = blackouts
        self.now = now
        for attendance in existing { take(attendance.day, for: attendance.village) }
    }

    /// Where a task goes, and why when not where it was planned.
    public struct Placement: Sendable, Hashable {
        public var windowStart: Date
        public var windowEnd: Date
        /// The day it was planned on, when it moved.
        public var movedFrom: LocalDate?
        public var conflict: String?
    }

    /// Places `task`, no earlier than the day after `after` (the previous occurrence of its
    /// step), and counts its day as taken.
    public mutating func place(_ task: WorkflowTask, flexDays: Int, after: LocalDate?) -> Placement {
        let zone = TimeZone(identifier: task.zoneIdentifier) ?? .gmt
        let start = LocalDateTime(task.windowStart, in: zone)
        let planned = start.date
        let length = task.windowEnd.timeIntervalSince(task.windowStart)
        let today = LocalDate(now, in: zone)
        let earliest = max(today, after.map { $0.adding(days: 1) } ?? today)
        var candidates = [0]
        for distance in stride(from: 1, through: max(flexDays, 0), by: 1) { candidates += [distance, -distance] }
        for offset in candidates {
            let day = planned.adding(days: offset)
            // A move never lands on a day that has begun in the village.
            guard day >= earliest, offset == 0 || day > today, fits(day, at: start, village: task.village) else { continue }
            take(day, for: task.village)
            let moved = start.adding(days: offset).date(in: zone)
            return Placement(
                windowStart: moved, windowEnd: moved.addingTimeInterval(length), movedFrom: offset == 0 ? nil : planned,
                conflict: nil)
        }
        let why = conflict(on: start, village: task.village, flexDays: flexDays)
        take(planned, for: task.village)
        return Placement(windowStart: task.windowStart, windowEnd: task.windowEnd, movedFrom: nil, conflict: why)
    }

    /// Why the facilitator cannot attend `task` where it now is (a person chose its day),
    /// or nil when they can: what a reschedule leaves of a conflict.
    public func conflict(of task: WorkflowTask) -> String? {
        let start = LocalDateTime(task.windowStart, in: TimeZone(identifier: task.zoneIdentifier) ?? .gmt)
        return fits(start.date, at: start, village: task.village)
            ? nil : conflict(on: start, village: task.village, flexDays: 0)
    }

    /// Whether the facilitator can attend `village` on `day` at the task's time.
    private func fits(_ day: LocalDate, at start: LocalDateTime, village: RegionCode) -> Bool {
        guard facilitator.workingDays.contains(day.weekday) else { return false }
        guard let time = try? LocalDateTime(date: day, hour: start.hour, minute: start.minute),
            blackouts.blackout(at: time, in: village) == nil
        else { return false }
        let taken = villagesByDay[day] ?? []
        return taken.contains(village) || taken.count < facilitator.capacity
    }

    private mutating func take(_ day: LocalDate, for village: RegionCode) {
        villagesByDay[day, default: []].insert(village)
    }

    /// Why a task keeps a day it does not fit, in the words of what is wrong with that day.
    private func conflict(on start: LocalDateTime, village: RegionCode, flexDays: Int) -> String {
        let day = start.date
        let who = "\(facilitator.name) (\(facilitator.id))"
        let alternatives =
            flexDays > 0 ? "; no working day within \(flexDays) days has room (capacity \(facilitator.capacity) a day)" : ""
        if !facilitator.workingDays.contains(day.weekday) {
            return "\(day) is a \(day.weekday.name), not one of \(who)'s working days" + alternatives
        }
        if let blackout = blackouts.blackout(at: start, in: village) {
            return "\(day) is \(blackout.name), a blackout" + alternatives
        }
        let others = (villagesByDay[day] ?? []).subtracting([village]).count
        return "\(who) attends \(others) other village\(others == 1 ? "" : "s") on \(day)"
            + (alternatives.isEmpty ? " (capacity \(facilitator.capacity) a day)" : alternatives)
    }
}

/// A day a facilitator is expected in a village: the day a task they attend opens, in the
/// village's own zone.
public struct Attendance: Sendable, Hashable {
    public var village: RegionCode
    public var day: LocalDate

    public init(village: RegionCode, day: LocalDate) {
        self.village = village
        self.day = day
    }
}
