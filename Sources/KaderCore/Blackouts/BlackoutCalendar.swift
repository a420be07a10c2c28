import Foundation

/// Answers whether a task may start at a given time in a province: the national holidays
/// shipped with kaderd, plus the blackouts of single provinces that plugins add (Nyepi in
/// Bali, regional days of rest). Weekends are not blackouts: village work happens on them.
///
/// A value: the engine holds one and replaces it when plugins add to it, and a plan made
/// from it can be reproduced.
public struct BlackoutCalendar: Sendable {
    /// How far a task is moved at most, looking for a day that is not a blackout. Further
    /// than a year means the blackouts are wrong, and planning stops with an error.
    public static let searchLimitDays = 366

    /// Whole days, by date: every national holiday is one.
    private var nationalDays: [LocalDate: [Blackout]] = [:]
    /// Each province's own blackouts, in the order they start.
    private var provincial: [RegionCode: [Blackout]] = [:]

    /// The years of the national holidays, when the calendar has them.
    public private(set) var holidayCoverage: HolidayCoverage?
    /// The years each province's plugins were asked for their blackouts.
    private var pluginYears: [RegionCode: ClosedRange<Int>] = [:]

    /// A calendar with no blackouts at all; `BlackoutCalendar.national` has the holidays.
    public init() {}

    /// Records that the years from the first national holiday added to the last have all
    /// their holidays in the calendar: called once the holiday data is read.
    mutating func coverAddedHolidays() {
        guard let first = nationalDays.keys.min(), let last = nationalDays.keys.max() else { return }
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

    /// Makes `date` a blackout in every province (a national holiday).
    mutating func addNational(_ name: String, on date: LocalDate) {
        nationalDays[date, default: []].append(Blackout(name: name, province: nil, date: date))
    }

    /// Makes the whole of `date` a blackout in `province`.
    public mutating func add(_ name: String, on date: LocalDate, in province: RegionCode) throws(BlackoutError) {
        try add(Blackout(name: name, province: province, date: date), in: province)
    }

    /// Makes the local times from `start` up to (not including) `end` a blackout in
    /// `province`: Nyepi in Bali is 06:00 on its day to 06:00 the next.
    public mutating func add(
        _ name: String, from start: LocalDateTime, until end: LocalDateTime, in province: RegionCode
    ) throws(BlackoutError) {
        guard start < end else { throw .endNotAfterStart(name: name, start: start, end: end) }
        try add(Blackout(name: name, province: province, start: start, end: end), in: province)
    }

    private mutating func add(_ blackout: Blackout, in province: RegionCode) throws(BlackoutError) {
        guard province.level == .province else { throw .notAProvince(province) }
        guard !blackout.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw .emptyName }
        var list = provincial[province, default: []]
        list.insert(blackout, at: list.firstIndex { blackout.start < $0.start } ?? list.endIndex)
        provincial[province] = list
    }

    /// The blackout `time` falls in, in the province of `region` (any region code: a
    /// village's tasks follow its province). A province's own blackout is named before a
    /// national holiday on the same day, being the more specific.
    public func blackout(at time: LocalDateTime, in region: RegionCode) -> Blackout? {
        provincial[region.province]?.first { $0.covers(time) } ?? nationalDays[time.date]?.first
    }

    /// Every blackout that covers any part of `date` in the province of `region`, the
    /// province's own first. A blackout of part of a day (Nyepi from 06:00) counts on each
    /// date it touches; whether a task on such a date must move depends on its time.
    public func blackouts(on date: LocalDate, in region: RegionCode) -> [Blackout] {
        (provincial[region.province] ?? []).filter { $0.touches(date) } + (nationalDays[date] ?? [])
    }

    /// Where `time` must move by `policy`, or nil when it stays: it is not in a blackout,
    /// or the policy keeps it. The new time is the same time of day on the nearest day,
    /// in the policy's direction, on which that time is not in a blackout.
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
        throw .noAllowedDay(from: time, province: region.province, policy: policy, days: Self.searchLimitDays)
    }
}
