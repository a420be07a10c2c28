import Foundation

/// Answers whether a task may start at a given time in a village: the national holidays
/// shipped with kaderd, less those an operator's file removes, plus the blackouts that
/// operators' files and province plugins add for the nation, a province, a regency, a
/// district or a single village. Weekends are not blackouts: village work happens on them.
///
/// A value: the engine holds one and replaces it as a whole on reload, and a plan made from
/// it can be reproduced. Lookups are by date in hash tables (the planner asks per task), so
/// their cost does not grow with the number of blackouts known, only with those on the day.
public struct BlackoutCalendar: Sendable {
    /// How far a task is moved at most, looking for a day that is not a blackout. Further
    /// than a year means the blackouts are wrong, and planning stops with an error.
    public static let searchLimitDays = 366

    /// Blackouts of the whole nation, by every date each one touches.
    private var national: [LocalDate: [Blackout]] = [:]
    /// Blackouts of a province or a region in it, by province, then by every date each one
    /// touches. A day's list is kept most specific first, then by start.
    private var regional: [RegionCode: [LocalDate: [Blackout]]] = [:]
    /// Shipped national holidays that no longer hold somewhere, by date.
    private var removals: [LocalDate: [BlackoutRemoval]] = [:]

    /// The years of the national holidays, when the calendar has them.
    public private(set) var holidayCoverage: HolidayCoverage?
    /// The years each province's plugins were asked for their blackouts.
    private var pluginYears: [RegionCode: ClosedRange<Int>] = [:]

    /// A calendar with no blackouts at all; `BlackoutCalendar.national` has the holidays.
    public init() {}

    /// Records that the years from the first national holiday added to the last have all
    /// their holidays in the calendar: called once the holiday data is read.
    mutating func coverAddedHolidays() {
        guard let first = national.keys.min(), let last = national.keys.max() else { return }
        holidayCoverage = HolidayCoverage(years: first.year...last.year)
    }

    /// Records that `province`'s plugins were asked for the blackouts of `years`: later
    /// years are beyond what the calendar knows there.
    public mutating func coverPluginBlackouts(_ years: ClosedRange<Int>, in province: RegionCode) {
        pluginYears[province] = years
    }

    /// Whether the calendar knows the blackouts of `date` in the province of `region`: the
    /// holiday data covers its year, and so do the province's plugins, if it has any.
    public func knows(_ date: LocalDate, in region: RegionCode) -> Bool {
        if let holidayCoverage, !holidayCoverage.covers(date) { return false }
        if let years = pluginYears[region.province], !years.contains(date.year) { return false }
        return true
    }

    /// The last day whose blackouts are known in the province of `region`; nil when the
    /// calendar claims no limit (one made without the holiday data, in tests).
    public func lastKnownDay(in region: RegionCode) -> LocalDate? {
        let ends = [holidayCoverage?.years.upperBound, pluginYears[region.province]?.upperBound].compactMap { $0 }
        return ends.min().map { LocalDate(unchecked: $0, 12, 31) }
    }

    // MARK: Adding

    /// Makes `date` a blackout in every province: a national holiday of the shipped data.
    mutating func addNational(_ name: String, on date: LocalDate) {
        index(Blackout(name: name, scope: .nation, days: date, through: date, source: .shipped))
    }

    /// Makes the whole of `date` a blackout in `region` (a province, regency, district or
    /// village, and everything in it).
    public mutating func add(_ name: String, on date: LocalDate, in region: RegionCode, source: BlackoutSource) throws(BlackoutError) {
        try add(Blackout(name: name, scope: .region(region), days: date, through: date, source: source))
    }

    /// Makes the local times from `start` up to (not including) `end` a blackout in
    /// `region`: Nyepi in Bali is 06:00 on its day to 06:00 the next.
    public mutating func add(
        _ name: String, from start: LocalDateTime, until end: LocalDateTime, in region: RegionCode, source: BlackoutSource
    ) throws(BlackoutError) {
        try add(Blackout(name: name, scope: .region(region), start: start, end: end, source: source))
    }

    /// Adds a blackout of any scope, once it is named and ends after it starts.
    public mutating func add(_ blackout: Blackout) throws(BlackoutError) {
        guard !blackout.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw .emptyName }
        guard blackout.start < blackout.end else {
            throw .endNotAfterStart(name: blackout.name, start: blackout.start, end: blackout.end)
        }
        index(blackout)
    }

    /// Takes a shipped national holiday back in `removal`'s scope. Refused unless the
    /// shipped data has a holiday of that name (case and spacing aside) on that day: a
    /// mistyped date must not leave the holiday in place while the file seems to work.
    public mutating func remove(_ removal: BlackoutRemoval) throws(BlackoutError) {
        let shipped = (national[removal.date] ?? []).filter { $0.source == .shipped }
        guard let holiday = shipped.first(where: { Self.sameName($0.name, removal.name) }) else {
            throw .noShippedHoliday(date: removal.date, name: removal.name, shipped: shipped.map(\.name))
        }
        removals[removal.date, default: []].append(
            BlackoutRemoval(
                date: removal.date, name: holiday.name, scope: removal.scope, source: removal.source,
                reference: removal.reference))
    }

    private static func sameName(_ one: String, _ other: String) -> Bool {
        func folded(_ name: String) -> String {
            name.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
        }
        return folded(one) == folded(other)
    }

    /// Files the blackout under every date it touches, keeping each day's list most
    /// specific first, then by start, then in the order added.
    private mutating func index(_ blackout: Blackout) {
        func insert(into list: inout [Blackout]) {
            let position = list.firstIndex {
                $0.scope.depth < blackout.scope.depth || ($0.scope.depth == blackout.scope.depth && blackout.start < $0.start)
            }
            list.insert(blackout, at: position ?? list.endIndex)
        }
        if let province = blackout.scope.province {
            var days = regional[province, default: [:]]
            for date in blackout.dates { insert(into: &days[date, default: []]) }
            regional[province] = days
        } else {
            for date in blackout.dates { insert(into: &national[date, default: []]) }
        }
    }

    // MARK: Looking up

    /// The blackout `time` falls in, in `region` (any region code: a village sees the
    /// blackouts of its district, regency and province too, and the nation's). The most
    /// specific one is named, a village's own before its province's before a national one.
    public func blackout(at time: LocalDateTime, in region: RegionCode) -> Blackout? {
        if let own = regional[region.province]?[time.date]?.first(where: { $0.scope.contains(region) && $0.covers(time) }) {
            return own
        }
        return national[time.date]?.first { $0.covers(time) && !isRemoved($0, in: region) }
    }

    /// Every blackout that covers any part of `date` in `region`, the most specific first.
    /// A blackout of part of a day (Nyepi from 06:00) counts on each date it touches;
    /// whether a task on such a date must move depends on its time.
    public func blackouts(on date: LocalDate, in region: RegionCode) -> [Blackout] {
        (regional[region.province]?[date] ?? []).filter { $0.scope.contains(region) }
            + (national[date] ?? []).filter { !isRemoved($0, in: region) }
    }

    /// Whether a shipped holiday no longer holds in all of `region`.
    private func isRemoved(_ blackout: Blackout, in region: RegionCode) -> Bool {
        guard blackout.source == .shipped, let removed = removals[blackout.start.date] else { return false }
        return removed.contains { $0.name == blackout.name && $0.scope.contains(region) }
    }

    /// Where `time` must move by `policy`, or nil when it stays: it is not in a blackout,
    /// or the policy keeps it. The new time is the same time of day on the nearest day,
    /// in the policy's direction, on which that time is not in a blackout in `region`.
    public func shift(_ time: LocalDateTime, by policy: BlackoutPolicy, in region: RegionCode) throws(BlackoutError)
        -> BlackoutShift?
    {
        guard policy != .keep, let blackout = blackout(at: time, in: region) else { return nil }
        let direction = policy == .previousDay ? -1 : 1
        for days in 1...Self.searchLimitDays {
            let candidate = time.adding(days: days * direction)
            if self.blackout(at: candidate, in: region) == nil {
                return BlackoutShift(original: time, shifted: candidate, blackout: blackout)
            }
        }
        throw .noAllowedDay(from: time, region: region, policy: policy, days: Self.searchLimitDays)
    }

    // MARK: Listing

    /// The blackouts that apply anywhere in `region` and touch a day from `first` through
    /// `last` (either open), in the order they start, the more specific first on a tie. A
    /// shipped holiday is left out where a removal takes it back in all of `region`; one
    /// removed in only a part of it is listed beside its removal.
    public func blackouts(overlapping region: RegionCode, from first: LocalDate?, through last: LocalDate?) -> [Blackout] {
        func inRange(_ date: LocalDate) -> Bool {
            (first.map { date >= $0 } ?? true) && (last.map { date <= $0 } ?? true)
        }
        var seen = Set<Blackout>()
        var found: [Blackout] = []
        for (date, list) in regional[region.province] ?? [:] where inRange(date) {
            for blackout in list where blackout.scope.overlaps(region) && seen.insert(blackout).inserted {
                found.append(blackout)
            }
        }
        for (date, list) in national where inRange(date) {
            for blackout in list where !isRemoved(blackout, in: region) && seen.insert(blackout).inserted {
                found.append(blackout)
            }
        }
        return found.sorted { ($0.start, -$0.scope.depth, $0.name) < ($1.start, -$1.scope.depth, $1.name) }
    }

    /// The removals of shipped holidays that apply anywhere in `region`, on a day from
    /// `first` through `last` (either open), by date.
    public func removals(overlapping region: RegionCode, from first: LocalDate?, through last: LocalDate?) -> [BlackoutRemoval] {
        removals.filter { date, _ in (first.map { date >= $0 } ?? true) && (last.map { date <= $0 } ?? true) }
            .flatMap { $0.value.filter { $0.scope.overlaps(region) } }
            .sorted { ($0.date, -$0.scope.depth, $0.name) < ($1.date, -$1.scope.depth, $1.name) }
    }

    /// Every blackout and removal, each once.
    private var everything: (blackouts: Set<Blackout>, removals: Set<BlackoutRemoval>) {
        var blackouts = Set<Blackout>()
        for list in national.values { blackouts.formUnion(list) }
        for days in regional.values {
            for list in days.values { blackouts.formUnion(list) }
        }
        return (blackouts, Set(removals.values.joined()))
    }

    /// Where a task may be on a blackout in this calendar but was not in `old`: the
    /// blackouts this one has and `old` has not, and the shipped holidays `old` removed
    /// somewhere and this one no longer does. Every time a blackout now covers and did
    /// not before lies in one of them, so a reload checks only the tasks there; that a
    /// task there really is newly on a blackout is for `blackout(at:in:)` of both to say.
    public func blackoutsAdded(since old: BlackoutCalendar) -> [Blackout] {
        let (now, nowRemoved) = everything
        let (before, beforeRemoved) = old.everything
        var added = now.subtracting(before)
        for removal in beforeRemoved.subtracting(nowRemoved) {
            added.formUnion((national[removal.date] ?? []).filter { $0.source == .shipped && $0.name == removal.name })
        }
        return added.sorted { ($0.start, $0.name) < ($1.start, $1.name) }
    }
}
