import Foundation

/// Where cadre development stands in a region, a row for each region one level down (each
/// province, for the whole country) and their total: what the empowerment offices of a
/// regency or province (DPMD) read.
public struct ProgressReport: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var region: Region
        public var counts: ProgressCounts
    }

    /// Tasks done and missed whose windows opened in one month (village time).
    public struct Month: Sendable, Hashable {
        /// The month's first day.
        public var first: LocalDate
        public var outcomes: TaskOutcomes
    }

    /// The region reported on; nil for the whole country.
    public var region: Region?
    public var rows: [Row]
    public var total: ProgressCounts
    /// Every month with a task done or missed, in order.
    public var months: [Month]
    /// When the counts were read.
    public var madeAt: Date

    /// Rolls the counts of single villages up into the rows of `region`'s children.
    ///
    /// - Parameters:
    ///   - tally: the store's counts by village (or by row), and of tasks by month.
    ///   - assignments: the facilitator assignments open on the report's day within `region`.
    public init(
        region: Region?, directory: RegionDirectory, tally: ProgressTally, assignments: [FacilitatorAssignment],
        madeAt: Date
    ) {
        self.region = region
        self.madeAt = madeAt
        let children: [Region] =
            if let region {
                region.level == .village ? [region] : directory.children(of: region.code)
            } else {
                directory.provinces.map { Region(code: $0.code, name: $0.name) }
            }
        var rows = children.map { Row(region: $0, counts: ProgressCounts()) }
        let rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.region.code, $0) })
        let rowLevel = Self.rowLevel(of: region?.code)
        for (code, counts) in tally.regions {
            guard let row = rowIndex[code.ancestor(at: rowLevel)] else { continue }
            rows[row].counts.add(counts)
        }
        for index in rows.indices {
            rows[index].counts.villages = directory.selfGoverningVillages(within: rows[index].region.code)
            rows[index].counts.facilitators = Self.facilitators(covering: rows[index].region.code, in: assignments)
        }
        var total = ProgressCounts()
        for row in rows { total.add(row.counts) }
        total.facilitators = Set(assignments.map(\.facilitator)).count
        self.rows = rows
        self.total = total
        self.months = tally.months.sorted { $0.key < $1.key }.map { Month(first: $0.key, outcomes: $0.value) }
    }

    /// The level of the rows of a report on `region`: one down, provinces for the whole
    /// country, the village itself for a village.
    public static func rowLevel(of region: RegionCode?) -> RegionCode.Level {
        guard let region else { return .province }
        return region.level.child ?? .village
    }

    /// Facilitators assigned to `region`, to a region within it, or (for a village) to its district.
    static func facilitators(covering region: RegionCode, in assignments: [FacilitatorAssignment]) -> Int {
        Set(
            assignments.filter { region.contains($0.region) || (region.level == .village && $0.region.contains(region)) }
                .map(\.facilitator)
        ).count
    }
}
