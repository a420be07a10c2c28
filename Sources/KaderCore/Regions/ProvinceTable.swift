import Foundation

/// The provinces read from provinces.csv (`code,name,zone,iana`), checked against the time
/// zone database so that a province can never be shown in the wrong zone.
struct ProvinceTable {
    static let file = "provinces.csv"

    /// Ascending by code.
    let provinces: [Province]
    /// Where each province was defined, to point at it when wilayah.csv disagrees.
    let lines: [RegionCode: Int]

    init(csv: UnsafeBufferPointer<UInt8>) throws(RegionDataError) {
        var reader = ReferenceCSVReader(csv, file: Self.file)
        var fields: [String] = []
        guard try reader.nextRecord(into: &fields), fields == ["code", "name", "zone", "iana"] else {
            throw reader.error("expected the header \"code,name,zone,iana\"")
        }
        var provinces: [Province] = []
        var lines: [RegionCode: Int] = [:]
        while try reader.nextRecord(into: &fields) {
            guard fields.count == 4 else {
                throw reader.error("expected 4 fields (code,name,zone,iana), found \(fields.count)")
            }
            let province = try Self.province(from: fields, reader: reader)
            guard lines.updateValue(reader.line, forKey: province.code) == nil else {
                throw reader.error("province \(province.code) is listed twice")
            }
            provinces.append(province)
        }
        self.provinces = provinces.sorted { $0.code < $1.code }
        self.lines = lines
    }

    private static func province(from fields: [String], reader: ReferenceCSVReader) throws(RegionDataError) -> Province {
        let code: RegionCode
        do { code = try RegionCode(fields[0]) } catch { throw reader.error(error.description) }
        guard code.level == .province else {
            throw reader.error("\(code) is a \(code.level) code, not a province code")
        }
        let name = fields[1]
        guard !name.isEmpty else { throw reader.error("province \(code) has no name") }
        guard let zone = IndonesianZone(rawValue: fields[2]) else {
            throw reader.error("zone \"\(fields[2])\" is not WIB, WITA or WIT")
        }
        guard let timeZone = TimeZone(identifier: fields[3]) else {
            throw reader.error("\"\(fields[3])\" is not a time zone this system knows")
        }
        guard let actual = IndonesianZone(timeZone) else {
            throw reader.error("\(fields[3]) is not an Indonesian time zone")
        }
        guard actual == zone else {
            throw reader.error("\(fields[3]) is \(actual.rawValue), not \(zone.rawValue)")
        }
        return Province(code: code, name: name, zone: zone, timeZone: timeZone)
    }
}
