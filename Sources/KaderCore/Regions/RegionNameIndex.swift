/// Every region's name, folded once when the data loads (see ``SearchFolding``) and kept
/// in one contiguous buffer, so a search scans 91k names in a few milliseconds.
struct RegionNameIndex: Sendable {
    /// All folded names, one after another.
    private var folded: [UInt8] = []
    /// Region `i`'s folded name is `folded[starts[i]..<starts[i + 1]]`.
    private var starts: [Int32] = [0]
    /// How many leading bytes of region `i`'s folded name are its kind ("kabupaten ",
    /// "kota "): regencies are named "Kabupaten Badung", yet "badung" is their name too.
    private var kindLengths: [UInt8] = []

    private static let regencyKinds: [[UInt8]] = [
        "kabupaten administrasi ", "kota administrasi ", "kabupaten ", "kota ",
    ].map { Array($0.utf8) }

    init() {}

    mutating func reserveCapacity(regions: Int, bytes: Int) {
        folded.reserveCapacity(bytes)
        starts.reserveCapacity(regions + 1)
        kindLengths.reserveCapacity(regions)
    }

    /// Adds the next region's name; regions must be added in the order of their indices.
    mutating func append(_ name: String, level: RegionCode.Level) {
        let start = folded.count
        SearchFolding.append(name, to: &folded)
        starts.append(Int32(folded.count))
        let kind = level == .regency
            ? Self.regencyKinds.first { folded[start...].starts(with: $0) }
            : nil
        kindLengths.append(UInt8(kind?.count ?? 0))
    }

    /// The indices in `range` accepted by `include` whose names contain every word of the
    /// folded `query`, best match first and, within a rank, in index order; at most `limit`.
    func search(_ query: [UInt8], in range: Range<Int>, limit: Int, where include: (Int) -> Bool) -> [Int] {
        let words = query.split(separator: SearchFolding.space).map(Array.init)
        var byRank = Array(repeating: [Int](), count: RegionMatchRank.allCases.count)
        folded.withUnsafeBufferPointer { text in
            for index in range where include(index) {
                let name = UnsafeBufferPointer(rebasing: text[Int(starts[index])..<Int(starts[index + 1])])
                let unqualified = UnsafeBufferPointer(rebasing: name[Int(kindLengths[index])...])
                guard let rank = Self.rank(of: name, unqualified: unqualified, query: query, words: words) else {
                    continue
                }
                byRank[rank.rawValue].append(index)
                if rank == .exactName, byRank[rank.rawValue].count == limit { break }
            }
        }
        return Array(byRank.joined().prefix(limit))
    }

    private static func rank(
        of name: UnsafeBufferPointer<UInt8>, unqualified: UnsafeBufferPointer<UInt8>,
        query: [UInt8], words: [[UInt8]]
    ) -> RegionMatchRank? {
        var everyWordStartsAWord = true
        for word in words {
            guard let startsAWord = find(word, in: name) else { return nil }
            everyWordStartsAWord = everyWordStartsAWord && startsAWord
        }
        if name.elementsEqual(query) || unqualified.elementsEqual(query) { return .exactName }
        if name.starts(with: query) || unqualified.starts(with: query) { return .namePrefix }
        return everyWordStartsAWord ? .wordPrefix : .substring
    }

    /// Nil when `word` is not in `name`; otherwise whether it occurs at the start of a word.
    private static func find(_ word: [UInt8], in name: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard word.count <= name.count else { return nil }
        let first = word[0]
        var found = false
        for position in 0...(name.count - word.count) where name[position] == first {
            guard UnsafeBufferPointer(rebasing: name[position..<(position + word.count)]).elementsEqual(word) else {
                continue
            }
            if position == 0 || name[position - 1] == SearchFolding.space { return true }
            found = true
        }
        return found ? false : nil
    }
}
