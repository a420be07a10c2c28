import Foundation
import KaderCore
import KaderStore

/// Finds the planned tasks a blackout falls on. Tasks already planned are never moved by a
/// change of blackouts (a cadre may have been told the day): they are found and reported,
/// and the operator decides.
///
/// Only the tasks opening within the given blackouts are read, by the store's index of
/// windows, so that a reload or a listing costs what those days hold, not every task.
public enum BlackoutReview {
    /// The scheduled and due tasks within `region` (everywhere when nil) whose window
    /// opens in one of `candidates` and on a blackout of `calendar`, and, with `previous`,
    /// on none of that calendar's: each once, in the order they open, with the blackout
    /// `calendar` names for its opening.
    public static func tasks(
        in candidates: [Blackout], within region: RegionCode?, calendar: BlackoutCalendar,
        notOn previous: BlackoutCalendar? = nil, service: WorkflowService
    ) async throws -> [TaskOnBlackout] {
        let directory = service.directory
        var seen = Set<TaskID>()
        var found: [TaskOnBlackout] = []
        for candidate in candidates {
            guard let filter = filter(for: candidate.scope, within: region) else { continue }
            let zones = filter.within.first.map { directory.timeZone(of: $0).map { [$0] } ?? [] } ?? Self.zones(of: directory)
            guard let from = zones.map({ candidate.start.date(in: $0) }).min(),
                let until = zones.map({ candidate.end.date(in: $0) }).max()
            else { continue }
            let query = TaskQuery(region: filter, states: [.scheduled, .due], from: from, until: until)
            var cursor: String?
            repeat {
                let page = try await service.tasks(
                    matching: query, page: PageRequest(cursor: cursor, limit: PageRequest.maximumLimit))
                for task in page.items where !seen.contains(task.id) {
                    let opening = LocalDateTime(task.windowStart, in: TimeZone(identifier: task.zoneIdentifier) ?? .gmt)
                    guard let blackout = calendar.blackout(at: opening, in: task.village),
                        previous?.blackout(at: opening, in: task.village) == nil
                    else { continue }
                    seen.insert(task.id)
                    found.append(TaskOnBlackout(task: task, blackout: blackout))
                }
                cursor = page.nextCursor
            } while cursor != nil
        }
        return found.sorted { ($0.task.windowStart, $0.task.id.rawValue) < ($1.task.windowStart, $1.task.id.rawValue) }
    }

    /// Where to look for tasks under a blackout of `scope` within `region` (everywhere when
    /// nil): the smaller of the two, as they nest when they overlap; nil when they do not.
    private static func filter(for scope: BlackoutScope, within region: RegionCode?) -> RegionFilter? {
        switch (scope, region) {
        case (.nation, nil): return RegionFilter()
        case (.nation, let region?): return RegionFilter(within: [region])
        case (.region(let code), nil): return RegionFilter(within: [code])
        case (.region(let code), let region?):
            if code.contains(region) { return RegionFilter(within: [region]) }
            if region.contains(code) { return RegionFilter(within: [code]) }
            return nil
        }
    }

    /// Every zone a province of Indonesia keeps: a national blackout starts in Papua two
    /// hours before it starts in Aceh.
    private static func zones(of directory: RegionDirectory) -> [TimeZone] {
        var zones: [TimeZone] = []
        for province in directory.provinces where !zones.contains(province.timeZone) { zones.append(province.timeZone) }
        return zones
    }
}
