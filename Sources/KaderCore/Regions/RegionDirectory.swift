import CKaderData
import Foundation

/// Every province, regency, district and village of Indonesia, with names and time zones:
/// the facts a workflow needs to know where a village is and what time it is there.
/// Immutable once loaded, so one instance serves every thread.
public final class RegionDirectory: Sendable {
    /// The reference data built into kaderd, read on first use (a few tens of milliseconds).
    /// The data is checked by the tests of every build, so failing to read it is a bug.
    public static let shared: RegionDirectory = {
        let provincesCSV = UnsafeBufferPointer(start: kader_provinces_csv_bytes(), count: kader_provinces_csv_size)
        let wilayahCSV = UnsafeBufferPointer(start: kader_wilayah_csv_bytes(), count: kader_wilayah_csv_size)
        do {
            return try RegionDirectory(provincesCSV: provincesCSV, wilayahCSV: wilayahCSV)
        } catch {
            fatalError("The region data built into kaderd is broken: \(error)")
        }
    }()

    /// Ascending by code.
    public let provinces: [Province]
    private let provincesByCode: [RegionCode: Province]
    private let regions: RegionTable

    /// Reads reference data in the shape of provinces.csv (`code,name,zone,iana`) and
    /// wilayah.csv (`code,name`, ascending by code, every region after its parent).
    public convenience init(provincesCSV: String, wilayahCSV: String) throws(RegionDataError) {
        var provincesCSV = provincesCSV
        var wilayahCSV = wilayahCSV
        let parsed = provincesCSV.withUTF8 { provinces in
            wilayahCSV.withUTF8 { wilayah in
                Result { () throws(RegionDataError) in try Self.parse(provincesCSV: provinces, wilayahCSV: wilayah) }
            }
        }
        let (provinces, regions) = try parsed.get()
        self.init(provinces: provinces, regions: regions)
    }

    private convenience init(
        provincesCSV: UnsafeBufferPointer<UInt8>, wilayahCSV: UnsafeBufferPointer<UInt8>
    ) throws(RegionDataError) {
        let (provinces, regions) = try Self.parse(provincesCSV: provincesCSV, wilayahCSV: wilayahCSV)
        self.init(provinces: provinces, regions: regions)
    }

    private init(provinces: ProvinceTable, regions: RegionTable) {
        self.provinces = provinces.provinces
        self.provincesByCode = Dictionary(uniqueKeysWithValues: provinces.provinces.map { ($0.code, $0) })
        self.regions = regions
    }

    private static func parse(
        provincesCSV: UnsafeBufferPointer<UInt8>, wilayahCSV: UnsafeBufferPointer<UInt8>
    ) throws(RegionDataError) -> (ProvinceTable, RegionTable) {
        let provinces = try ProvinceTable(csv: provincesCSV)
        return (provinces, try RegionTable(csv: wilayahCSV, provinces: provinces))
    }

    /// The province `code` lies in, whether or not the region itself is known: any code
    /// starting `51.` is in Bali.
    public func province(_ code: RegionCode) -> Province? {
        provincesByCode[code.province]
    }

    /// The region with this code; nil when no such region exists, so a well-formed code
    /// for a village that is not in the data can be refused.
    public func region(_ code: RegionCode) -> Region? {
        regions.index(of: code).map(regions.region(at:))
    }

    public func name(of code: RegionCode) -> String? {
        regions.index(of: code).map { regions.names[$0] }
    }

    /// How many regions of `level` there are: 38 provinces, 83,762 villages, and so on.
    public func count(at level: RegionCode.Level) -> Int {
        regions.count(at: level)
    }

    /// The regions one level below `code`, ascending by code; empty for a village or an
    /// unknown code.
    public func children(of code: RegionCode) -> [Region] {
        guard let index = regions.index(of: code) else { return [] }
        return regions.children(of: index).map(regions.region(at:))
    }

    /// The villages that develop KPMD (desa and desa adat) within `code`, or the region
    /// itself when it is one: kelurahan are left out.
    public func selfGoverningVillages(within code: RegionCode) -> Int {
        guard let index = regions.index(of: code) else { return 0 }
        return regions.subtree(of: index).count { regions.codes[$0].villageKind?.developsKPMD == true }
    }

    /// The province, regency, district and village leading down to `code`, ending with the
    /// region itself; empty when the region is unknown.
    public func path(of code: RegionCode) -> [Region] {
        guard region(code) != nil else { return [] }
        var path: [Region] = []
        var next: RegionCode? = code
        while let current = next, let region = region(current) {
            path.append(region)
            next = current.parent
        }
        return path.reversed()
    }

    /// The time zone of the province `code` lies in.
    public func timeZone(of code: RegionCode) -> TimeZone? {
        province(code)?.timeZone
    }

    /// Finds regions by code or by name, for people who know one but not the other.
    ///
    /// A query of digits and dots matches codes that start with it ("51.08" is Badung and
    /// everything in it), in code order. Any other query matches names ignoring case,
    /// diacritics and punctuation; every word must occur in the name. Exact names come
    /// first, then names starting with the query, then names with a word starting with each
    /// query word, then the rest; ties go by code. A regency's name counts both with and
    /// without "Kabupaten"/"Kota", so "badung" is an exact match for Kabupaten Badung.
    /// A query with no letters or digits lists every region, in code order.
    ///
    /// - Parameters:
    ///   - limit: at most this many results; none when it is not positive.
    ///   - level: only regions of this level.
    ///   - within: only this region and the regions inside it; none when it is unknown.
    public func search(
        _ query: String, limit: Int, level: RegionCode.Level? = nil, within: RegionCode? = nil
    ) -> [Region] {
        search(query, limit: limit, filter: level.map { RegionLevelFilter(level: $0) }, within: within)
    }

    /// The regions matching `query` (a name, or a code prefix with or without its dots),
    /// in `filter`'s level and kind, within `within`: at most `limit`, after skipping `offset`.
    public func search(
        _ query: String, limit: Int, filter: RegionLevelFilter?, within: RegionCode? = nil, offset: Int = 0
    ) -> [Region] {
        guard limit > 0 else { return [] }
        var range = regions.codes.indices
        if let within {
            guard let index = regions.index(of: within) else { return [] }
            range = regions.subtree(of: index)
        }
        let include: (Int) -> Bool = { [regions] in filter?.includes(regions.codes[$0]) ?? true }
        let query = Self.dottedPrefix(query.trimmingCharacters(in: .whitespacesAndNewlines))
        let folded = SearchFolding.fold(query)
        let wanted = offset + limit
        let matches = if Self.looksLikeCode(query) {
            regions.codePrefixMatches(query, in: range, limit: wanted, where: include)
        } else if folded.isEmpty {
            regions.codePrefixMatches("", in: range, limit: wanted, where: include)
        } else {
            regions.nameIndex.search(folded, in: range, limit: wanted, where: include)
        }
        return matches.dropFirst(offset).map(regions.region(at:))
    }

    /// A code prefix typed without dots, `5103022` → `51.03.02.2`; anything else unchanged.
    private static func dottedPrefix(_ query: String) -> String {
        let digits = Array(query.utf8)
        guard digits.count > 2, digits.count <= 10, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return query }
        var dotted: [UInt8] = []
        for (index, digit) in digits.enumerated() {
            if [2, 4, 6].contains(index) { dotted.append(UInt8(ascii: ".")) }
            dotted.append(digit)
        }
        return String(decoding: dotted, as: UTF8.self)
    }

    private static func looksLikeCode(_ query: String) -> Bool {
        query.utf8.contains { $0 != UInt8(ascii: ".") }
            && query.utf8.allSatisfy { $0 == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
