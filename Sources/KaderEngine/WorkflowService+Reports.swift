import Foundation
import KaderCore
import KaderStore

extension WorkflowService {
    /// Where cadre development stands in `region` (the whole country when nil), a row for
    /// each region one level down. `asOf` a day counts what had happened by the end of that
    /// day in each village's own zone; nil counts what has happened by now. Cadres are
    /// counted by their status now, and workflows that are active now: the history of
    /// statuses is in the event log, not in these counts.
    public func progressReport(of region: RegionCode?, asOf: LocalDate?) async throws -> ProgressReport {
        let directory = self.directory
        var reported: Region?
        if let region {
            guard let known = directory.region(region) else {
                throw EngineError.notFound(what: region.level.rawValue, id: region.description)
            }
            reported = known
        }
        let now = clock.now()
        let (cutoff, day) = try Self.cutoff(asOf: asOf, now: now, directory: directory)
        let (tally, assignments) = try await store.read { reader in
            (
                try reader.progress(within: region, rows: ProgressReport.rowLevel(of: region), cutoff: cutoff),
                try reader.assignments(openOn: day, within: region)
            )
        }
        return ProgressReport(
            region: reported, directory: directory, tally: tally, assignments: assignments, madeAt: now)
    }

    /// The report's moment in each province's zone, and the day whose facilitators count.
    /// A day still to come is refused: its windows would count as overdue before they close.
    static func cutoff(asOf: LocalDate?, now: Date, directory: RegionDirectory) throws -> (ReportCutoff, LocalDate) {
        let western = TimeZone(secondsFromGMT: IndonesianZone.wib.utcOffsetSeconds) ?? .gmt
        let eastern = TimeZone(secondsFromGMT: IndonesianZone.wit.utcOffsetSeconds) ?? .gmt
        let today = LocalDate(now, in: eastern)
        if let asOf, asOf > today {
            throw EngineError.invalid(
                ValidationError(
                    "the report cannot be made",
                    problems: [FieldProblem(field: "as_of", message: "\(asOf) has not come yet: it is \(today) in WIT")]))
        }
        // The end of the day there, or now where the day has not ended yet.
        func end(in zone: TimeZone) -> Date { asOf.map { min($0.adding(days: 1).date(in: zone), now) } ?? now }
        let zones = IndonesianZone.allCases.map { zone in
            let time = TimeZone(secondsFromGMT: zone.utcOffsetSeconds) ?? .gmt
            return ReportCutoff.Zone(
                provinces: directory.provinces.filter { $0.zone == zone }.map(\.code), instant: end(in: time),
                secondsFromUTC: zone.utcOffsetSeconds)
        }
        let cutoff = ReportCutoff(zones: zones, otherwise: end(in: western), isNow: asOf == nil)
        return (cutoff, asOf ?? LocalDate(now, in: western))
    }
}
