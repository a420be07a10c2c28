/// A facilitator's cover of a village or a whole district (kecamatan) for a span of days:
/// assignments change every contract year, and a village's history of who mentored it
/// stays readable.
public struct FacilitatorAssignment: Sendable, Hashable {
    public var facilitator: FacilitatorID
    /// A village code, or a district code for every village in it.
    public var region: RegionCode
    public var from: LocalDate
    /// The last day covered; nil while it lasts.
    public var until: LocalDate?

    public init(facilitator: FacilitatorID, region: RegionCode, from: LocalDate, until: LocalDate? = nil) {
        self.facilitator = facilitator
        self.region = region
        self.from = from
        self.until = until
    }

    /// Whether it covers `village` on `day`.
    public func covers(_ village: RegionCode, on day: LocalDate) -> Bool {
        guard from <= day, until.map({ day <= $0 }) ?? true else { return false }
        return region == village || (region.level == .district && village.description.hasPrefix(region.description + "."))
    }

    /// Of the assignments covering `village` on `day`, the one that decides: a village's own
    /// before its district's, then the latest started.
    public static func deciding(_ assignments: [FacilitatorAssignment], for village: RegionCode, on day: LocalDate)
        -> FacilitatorAssignment?
    {
        assignments.filter { $0.covers(village, on: day) }.max { a, b in
            (a.region.level == .village ? 1 : 0, a.from) < (b.region.level == .village ? 1 : 0, b.from)
        }
    }
}
