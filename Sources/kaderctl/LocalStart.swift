import ArgumentParser

/// A new start for a task in the village's own time: `YYYY-MM-DD` keeps the time of day,
/// `YYYY-MM-DDTHH:MM` sets it. Checked here so a typo is a usage error, not a round trip.
struct LocalStart: Hashable, CustomStringConvertible {
    let description: String

    static func parse(_ text: String) throws -> LocalStart {
        let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        guard Day(String(parts[0])) != nil, parts.count == 1 || isTime(parts[1]) else {
            throw ValidationError("expected YYYY-MM-DD or YYYY-MM-DDTHH:MM in the village's time, e.g. 2027-01-12T09:00")
        }
        return LocalStart(description: text)
    }

    private static func isTime(_ text: Substring) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) })
        else { return false }
        let limits = [23, 59, 59]
        return zip(parts, limits).allSatisfy { part, limit in Int(part)! <= limit }
    }
}
