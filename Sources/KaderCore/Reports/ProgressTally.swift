/// What a store counts for `report.progress`: counts by region, and the tasks done and
/// missed by the month their windows opened.
public struct ProgressTally: Sendable, Hashable {
    /// Keyed by village, or by a region of the report's rows where the store counted by
    /// those; regions with nothing to count are absent. Villages and facilitators are
    /// left to the report.
    public var regions: [RegionCode: ProgressCounts]
    /// Keyed by the month's first day (village time).
    public var months: [LocalDate: TaskOutcomes]

    public init(regions: [RegionCode: ProgressCounts] = [:], months: [LocalDate: TaskOutcomes] = [:]) {
        self.regions = regions
        self.months = months
    }
}
