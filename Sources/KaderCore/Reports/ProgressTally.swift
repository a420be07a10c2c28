/// What a store counts for `report.progress`: each village's counts, and the tasks done and
/// missed by the local day their windows opened.
public struct ProgressTally: Sendable, Hashable {
    /// Villages with anything to count; villages, KPMD and facilitators are left to the report.
    public var villages: [RegionCode: ProgressCounts]
    /// Keyed by the day in the village's zone, as days since 1970-01-01.
    public var days: [Int: TaskOutcomes]

    public init(villages: [RegionCode: ProgressCounts] = [:], days: [Int: TaskOutcomes] = [:]) {
        self.villages = villages
        self.days = days
    }
}
