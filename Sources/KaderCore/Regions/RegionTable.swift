
/// Every region read from wilayah.csv (`code,name`), in ascending code order. Because the
/// parts of a code have fixed widths, that order puts each region's descendants right after
/// it: a subtree is a contiguous range, and so is every match of a code prefix.
struct RegionTable: Sendable {
    static let file = "wilayah.csv"

    /// Ascending.
    let codes: [RegionCode]
    let names: [String]
    let nameIndex: RegionNameIndex
    /// Region `i`'s descendants are the indices `i + 1 ..< subtreeEnds[i]`.
    private let subtreeEnds: [Int32]
    private let indices: [RegionCode: Int32]
    private let counts: [RegionCode.Level: Int]

    /// Reads the regions, refusing rows out of order, listed twice, without their parent
    /// above them, or in a province that provinces.csv does not know.
    init(csv: UnsafeBufferPointer<UInt8>, provinces: ProvinceTable) throws(RegionDataError) {
        var reader = ReferenceCSVReader(csv, file: Self.file)
        var fields: [String] = []
        guard try reader.nextRecord(into: &fields), fields == ["code", "name"] else {
            throw reader.error("expected the header \"code,name\"")
        }
        // About 24 bytes a row; sizing up front saves re-copying the arrays as they grow.
        let expectedRows = csv.count / 24
        var codes: [RegionCode] = []
        var names: [String] = []
        var subtreeEnds: [Int32] = []
        var indices: [RegionCode: Int32] = [:]
        var nameIndex = RegionNameIndex()
        codes.reserveCapacity(expectedRows)
        names.reserveCapacity(expectedRows)
        subtreeEnds.reserveCapacity(expectedRows)
        indices.reserveCapacity(expectedRows)
        nameIndex.reserveCapacity(regions: expectedRows, bytes: csv.count / 2)
        var counts: [RegionCode.Level: Int] = [:]
        // The regions whose subtrees are still being read, province first.
        var open: [Int] = []

        while try reader.nextRecord(into: &fields) {
            guard fields.count == 2 else { throw reader.error("expected 2 fields (code,name), found \(fields.count)") }
            let code: RegionCode
            do { code = try RegionCode(fields[0]) } catch { throw reader.error(error.description) }
            let name = fields[1]
            guard !name.isEmpty else { throw reader.error("region \(code) has no name") }
            if let previous = codes.last, !(previous < code) {
                throw reader.error(previous == code
                    ? "region \(code) is listed twice"
                    : "region \(code) comes after \(previous): codes must be in ascending order")
            }
            let depth = code.level.depth
            while open.count > depth { subtreeEnds[open.removeLast()] = Int32(codes.count) }
            if let parent = code.parent {
                guard open.count == depth, let above = open.last, codes[above] == parent else {
                    throw reader.error("region \(code) has no parent: \(parent) is not listed before it")
                }
            } else if provinces.lines[code] == nil {
                throw reader.error("province \(code) is not in \(ProvinceTable.file), so its time zone is unknown")
            }
            open.append(codes.count)
            indices[code] = Int32(codes.count)
            codes.append(code)
            names.append(name)
            subtreeEnds.append(0)
            nameIndex.append(name, level: code.level)
            counts[code.level, default: 0] += 1
        }
        for index in open { subtreeEnds[index] = Int32(codes.count) }

        for province in provinces.provinces where indices[province.code] == nil {
            throw RegionDataError(file: ProvinceTable.file, line: provinces.lines[province.code] ?? 0,
                                  reason: "province \(province.code) (\(province.name)) has no row in \(Self.file)")
        }
        self.codes = codes
        self.names = names
        self.nameIndex = nameIndex
        self.subtreeEnds = subtreeEnds
        self.indices = indices
        self.counts = counts
    }

    func index(of code: RegionCode) -> Int? {
        indices[code].map(Int.init)
    }

    func region(at index: Int) -> Region {
        Region(code: codes[index], name: names[index])
    }

    func count(at level: RegionCode.Level) -> Int {
        counts[level, default: 0]
    }

    /// The region at `index` and all regions inside it.
    func subtree(of index: Int) -> Range<Int> {
        index..<Int(subtreeEnds[index])
    }

    /// The regions one level below the one at `index`: each child's subtree is skipped to
    /// reach the next child, so this costs the number of children, not of descendants.
    func children(of index: Int) -> [Int] {
        var children: [Int] = []
        var child = index + 1
        while child < subtreeEnds[index] {
            children.append(child)
            child = Int(subtreeEnds[child])
        }
        return children
    }

    /// The indices in `range` whose codes start with `prefix` and that `include` accepts, in
    /// code order; at most `limit`.
    func codePrefixMatches(_ prefix: String, in range: Range<Int>, limit: Int, where include: (Int) -> Bool) -> [Int] {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            if codes[middle].description < prefix { low = middle + 1 } else { high = middle }
        }
        var matches: [Int] = []
        for index in low..<range.upperBound {
            guard codes[index].description.utf8.starts(with: prefix.utf8) else { break }
            guard include(index) else { continue }
            matches.append(index)
            if matches.count == limit { break }
        }
        return matches
    }
}
