/// Why a blackout cannot be added, or why no allowed day can be found for a task. The
/// message names the values at fault, for the plugin author or program author to fix.
public enum BlackoutError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Blackouts are kept per province; a regency, district or village code was given.
    case notAProvince(RegionCode)
    case emptyName
    /// The end of a blackout must come after its start.
    case endNotAfterStart(name: String, start: LocalDateTime, end: LocalDateTime)
    /// Every day within the search's reach, in the policy's direction, is a blackout.
    case noAllowedDay(from: LocalDateTime, province: RegionCode, policy: BlackoutPolicy, days: Int)

    public var description: String {
        switch self {
        case .notAProvince(let code):
            "blackouts are kept per province: \(code) is a \(code.level.rawValue) code; give its province, \(code.province)"
        case .emptyName:
            "a blackout needs a name, to show people why a task moved"
        case .endNotAfterStart(let name, let start, let end):
            "blackout '\(name)' ends (\(end)) before or when it starts (\(start))"
        case .noAllowedDay(let time, let province, let policy, let days):
            "no day within \(days) days \(policy == .previousDay ? "before" : "after") \(time) is free of blackouts in province \(province)"
        }
    }
}
