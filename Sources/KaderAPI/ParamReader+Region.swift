import KaderCore

/// One region named by the params `province`, `regency`, `district` and `village`, for a
/// method that works in one place (a listing of its blackouts, a preview there).
struct NamedRegion {
    /// The most specific code given.
    var code: RegionCode
    /// The param it came in, for messages.
    var field: String
    var province: Province
}

extension ParamReader {
    /// The most specific of the region params given, each checked to be a code of its
    /// level that names a known region, and all of them nested (a regency within the
    /// province given). Nil when none was given (nothing noted) or a problem was noted.
    mutating func namedRegion(
        province: String?, regency: String?, district: String?, village: String?, directory: RegionDirectory
    ) -> NamedRegion? {
        let given: [(field: String, text: String?, level: RegionCode.Level)] = [
            ("province", province, .province), ("regency", regency, .regency), ("district", district, .district),
            ("village", village, .village),
        ]
        var codes: [(field: String, code: RegionCode)] = []
        for (field, text, level) in given {
            guard let code = regionCode(text, field: field, level: level, directory: directory) else { continue }
            let known = level == .province ? directory.province(code) != nil : directory.region(code) != nil
            guard known else {
                note(
                    field,
                    level == .province
                        ? "no province has the code \(code) (region.provinces lists them)"
                        : "no \(level.rawValue) has the code \(code) (region.search \(code.parent?.description ?? "") lists them)")
                continue
            }
            codes.append((field, code))
        }
        guard let most = codes.last, codes.count == given.filter({ $0.text != nil }).count else { return nil }
        for other in codes.dropLast() where !other.code.contains(most.code) {
            note(most.field, "\(most.code) is not within the \(other.field) given, \(other.code)")
            return nil
        }
        guard let found = directory.province(most.code) else { return nil }
        return NamedRegion(code: most.code, field: most.field, province: found)
    }
}
