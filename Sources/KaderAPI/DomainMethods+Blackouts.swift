import Foundation
import KaderCore
import KaderEngine
import KaderRPC
import KaderServer

extension DomainMethods {
    var blackoutMethods: [RPCMethod] {
        [
            method(.blackoutList) { (input: BlackoutInput.List, _) in
                try await list(in: input.region, year: input.year, affected: input.affected)
            }
        ]
    }

    /// The blackouts and removals that apply anywhere in `region` in `year` (this year in
    /// the region by default; with `affected` and no year, this year and every later one),
    /// and with `affected` the tasks there opening on one of them.
    private func list(in region: NamedRegion, year: Int?, affected: Bool) async throws -> BlackoutList {
        let zone = region.province.timeZone
        let calendar = service.blackouts
        let listedYear = year ?? LocalDate(Date(), in: zone).year
        let first = try LocalDate(year: listedYear, month: 1, day: 1)
        let last = year == nil && affected ? nil : try LocalDate(year: listedYear, month: 12, day: 31)
        let blackouts = calendar.blackouts(overlapping: region.code, from: first, through: last)
        let removals = calendar.removals(overlapping: region.code, from: first, through: last)
        // By the day and time they start, the more specific first; a removal at the start of its day.
        var entries = blackouts.map { blackout in
            let start = blackout.start
            return (day: start.date, second: (start.hour * 60 + start.minute) * 60 + start.second, depth: blackout.scope.depth,
                info: info(blackout, zone: zone))
        }
        entries += removals.map { (day: $0.date, second: 0, depth: $0.scope.depth, info: info($0)) }
        entries.sort { ($0.day, $0.second, -$0.depth) < ($1.day, $1.second, -$1.depth) }

        var onBlackouts: [TaskOnBlackoutInfo]?
        if affected {
            let found = try await BlackoutReview.tasks(in: blackouts, within: region.code, calendar: calendar, service: service)
            let tasks = wire.tasks(found.map(\.task))
            onBlackouts = zip(found, tasks).map { found, task in
                TaskOnBlackoutInfo(task: task, blackout: found.blackout.name, source: found.blackout.source.description)
            }
        }
        let sources = blackoutFiles()
        return BlackoutList(
            region: region.code.description, regionName: directory.name(of: region.code) ?? region.province.name,
            timeZone: zone.identifier, zone: IndonesianZone.abbreviation(for: zone), from: first.description,
            through: last?.description, blackouts: entries.map(\.info), affected: onBlackouts,
            refused: sources.refusals.flatMap { refusal in
                refusal.problems.map { problem in
                    BlackoutFileRefusalInfo(
                        file: refusal.file, line: problem.line, message: problem.message,
                        keptPrevious: sources.keptPrevious.contains(refusal.file))
                }
            })
    }

    private func info(_ blackout: Blackout, zone: TimeZone) -> BlackoutInfo {
        let whole = blackout.isWholeDays
        return BlackoutInfo(
            name: blackout.name,
            from: whole ? blackout.start.date.description : ISO8601.string(blackout.start.date(in: zone), in: zone),
            until: whole ? blackout.lastDate.description : ISO8601.string(blackout.end.date(in: zone), in: zone),
            wholeDays: whole, scope: blackout.scope.level, region: blackout.scope.region?.description,
            regionName: blackout.scope.region.flatMap { directory.name(of: $0) }, source: blackout.source.description,
            sourceKind: blackout.source.kind, reference: blackout.reference, removal: false)
    }

    private func info(_ removal: BlackoutRemoval) -> BlackoutInfo {
        BlackoutInfo(
            name: removal.name, from: removal.date.description, until: removal.date.description, wholeDays: true,
            scope: removal.scope.level, region: removal.scope.region?.description,
            regionName: removal.scope.region.flatMap { directory.name(of: $0) }, source: removal.source.description,
            sourceKind: removal.source.kind, reference: removal.reference, removal: true)
    }
}
