/// Why a blackout cannot be added or removed, or why no allowed day can be found for a
/// task. The message names the values at fault, for the plugin, program or file author
/// to fix.
public enum BlackoutError: Error, Sendable, Hashable, CustomStringConvertible {
    case emptyName
    /// The end of a blackout must come after its start.
    case endNotAfterStart(name: String, start: LocalDateTime, end: LocalDateTime)
    /// Only a holiday of the shipped data can be removed, by its name on its day.
    case noShippedHoliday(date: LocalDate, name: String, shipped: [String])
    /// Every day within the search's reach, in the policy's direction, is a blackout.
    case noAllowedDay(from: LocalDateTime, region: RegionCode, policy: BlackoutPolicy, days: Int)

    public var description: String {
        switch self {
        case .emptyName:
            "a blackout needs a name, to show people why a task moved"
        case .endNotAfterStart(let name, let start, let end):
            "blackout '\(name)' ends (\(end)) before or when it starts (\(start))"
        case .noShippedHoliday(let date, let name, let shipped):
            "kaderd ships no holiday '\(name)' on \(date) to remove; "
                + (shipped.isEmpty
                    ? "it ships none that day" : "that day it ships \(shipped.map { "'\($0)'" }.joined(separator: ", "))")
        case .noAllowedDay(let time, let region, let policy, let days):
            "no day within \(days) days \(policy == .previousDay ? "before" : "after") \(time) is free of blackouts in "
                + "\(region.level.rawValue) \(region)"
        }
    }
}
