/// Where a blackout applies: the whole nation, or one region and every village in it.
///
/// A regency declares its own anniversary, a village its temple festival: a blackout is
/// kept at the level it was declared, and a village sees the blackouts of every region it
/// lies in. The more specific scope is named first when several cover the same time.
public enum BlackoutScope: Sendable, Hashable, CustomStringConvertible {
    /// Every village of Indonesia: a national holiday, a cuti bersama.
    case nation
    /// A province, regency, district or village, and every village within it.
    case region(RegionCode)

    /// Whether the blackout applies in `region` (any region code): the scope is the region
    /// or lies around it. A village's tasks follow the blackouts of every region above it.
    public func contains(_ region: RegionCode) -> Bool {
        switch self {
        case .nation: true
        case .region(let code): code.contains(region)
        }
    }

    /// Whether the blackout applies anywhere in `region`: it covers the region, or a part
    /// of it. A listing for Bali shows Badung's own day, which does not cover all of Bali.
    public func overlaps(_ region: RegionCode) -> Bool {
        switch self {
        case .nation: true
        case .region(let code): code.contains(region) || region.contains(code)
        }
    }

    /// The province whose index holds the blackout; nil for the nation.
    public var province: RegionCode? {
        guard case .region(let code) = self else { return nil }
        return code.province
    }

    /// The region, nil for the nation.
    public var region: RegionCode? {
        guard case .region(let code) = self else { return nil }
        return code
    }

    /// `nation`, or the level of the region: `province`, `regency`, `district`, `village`.
    public var level: String {
        switch self {
        case .nation: "nation"
        case .region(let code): code.level.rawValue
        }
    }

    /// How specific the scope is: 0 for the nation, 4 for a village. Lookups name the most
    /// specific blackout first, the one a person would recognise as the reason.
    public var depth: Int {
        switch self {
        case .nation: 0
        case .region(let code): code.level.depth + 1
        }
    }

    /// `nation`, or `regency 51.03`.
    public var description: String {
        switch self {
        case .nation: "nation"
        case .region(let code): "\(code.level.rawValue) \(code)"
        }
    }
}
