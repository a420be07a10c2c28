/// A region named as people name it: `Mengwi`, or `Kuta, Badung` with the names of regions
/// it lies in to tell namesakes apart.
public enum RegionNameMatch: Sendable, Hashable {
    case found(Region)
    /// Several regions have that name: the candidates, for the person to choose a code.
    case ambiguous([Region])
    case none
}

extension RegionDirectory {
    /// The region whose name is `text` (case, accents and spacing ignored), in `filter`'s
    /// level when given. Commas add the names of regions it lies in: `Kuta, Badung`. When
    /// one match holds all the others (district Mengwi holds desa Mengwi), it is the one.
    public func region(named text: String, filter: RegionLevelFilter? = nil) -> RegionNameMatch {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let name = parts.first else { return .none }
        let wanted = SearchFolding.fold(name)
        let qualifiers = parts.dropFirst().map(SearchFolding.fold)
        let matches = search(name, limit: 10_000, filter: filter).filter { region in
            guard SearchFolding.fold(region.name) == wanted else { return false }
            let around = path(of: region.code).dropLast().map { SearchFolding.fold($0.name) }
            // `Badung` names Kabupaten Badung too.
            return qualifiers.allSatisfy { qualifier in
                around.contains { $0 == qualifier || $0.elementsEqualSuffix([UInt8(ascii: " ")] + qualifier) }
            }
        }
        if matches.count == 1 { return .found(matches[0]) }
        if let widest = matches.first(where: { candidate in matches.allSatisfy { candidate.code.contains($0.code) } }) {
            return .found(widest)
        }
        return matches.isEmpty ? .none : .ambiguous(matches.sorted { $0.code < $1.code })
    }

    /// `Kuta (district, Badung, Bali)`, for lists of candidates.
    public func describe(_ region: Region) -> String {
        let around = path(of: region.code).dropLast().reversed().map(\.name)
        let kind = region.code.villageKind?.name ?? region.level.rawValue
        return "\(region.code) \(region.name) (\(([kind] + around.prefix(2)).joined(separator: ", ")))"
    }
}

extension Array where Element == UInt8 {
    fileprivate func elementsEqualSuffix(_ suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
