/// How well a name matches a search, best first. A person typing "badung" most likely
/// means a region called exactly that, then one starting with it, then one with a word
/// starting with it, and only last one that merely contains it.
enum RegionMatchRank: Int, CaseIterable, Comparable {
    case exactName
    case namePrefix
    case wordPrefix
    case substring

    static func < (lhs: RegionMatchRank, rhs: RegionMatchRank) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
