import Foundation
import KaderCore
import KaderRPC
import KaderServer

/// Turns wire params into domain values, collecting every problem with its field name, so
/// one reply lists all that is wrong.
struct ParamReader {
    private(set) var problems: [RPCFieldError] = []

    mutating func note(_ field: String, _ message: String) {
        problems.append(RPCFieldError(field: field, message: message))
    }

    /// An import's name, which the client chooses as it would an idempotency key.
    mutating func importName(_ text: String?) -> String? {
        guard let text else {
            note("import", "is required")
            return nil
        }
        guard ClientChosenName.isValid(text) else {
            note("import", ClientChosenName.rule)
            return nil
        }
        return text
    }

    /// Throws `invalid_params` listing every problem noted, if any.
    func check(_ what: String) throws(RPCError) {
        guard problems.isEmpty else { throw RPCError.invalidParams(what, fields: problems) }
    }

    /// Throws when any problem was noted; otherwise the values a method requires, typed, so
    /// its body never touches an unchecked one. A reader that returns nil notes why, so a
    /// nil here with nothing noted is a required value the params did not have at all.
    func check<A>(_ what: String, _ a: A?) throws(RPCError) -> A {
        try check(what)
        guard let a else { throw RPCError.invalidParams(what) }
        return a
    }

    func check<A, B>(_ what: String, _ a: A?, _ b: B?) throws(RPCError) -> (A, B) {
        try check(what)
        guard let a, let b else { throw RPCError.invalidParams(what) }
        return (a, b)
    }

    func check<A, B, C>(_ what: String, _ a: A?, _ b: B?, _ c: C?) throws(RPCError) -> (A, B, C) {
        try check(what)
        guard let a, let b, let c else { throw RPCError.invalidParams(what) }
        return (a, b, c)
    }

    /// A region given by its code (with or without dots) or by its name where only one
    /// region of that level has it (`Mengwi`; `Kuta, Badung` for a namesake).
    mutating func regionCode(
        _ text: String?, field: String, level: RegionCode.Level? = nil, directory: RegionDirectory
    ) -> RegionCode? {
        guard let text else { return nil }
        if text.unicodeScalars.contains(where: \.properties.isAlphabetic) {
            return regionNamed(text, field: field, filter: level.map { RegionLevelFilter(level: $0) }, directory: directory)
        }
        do {
            let code = try RegionCode(text)
            if let level, code.level != level {
                note(field, "\(text) is a \(code.level.rawValue) code; expected a \(level.rawValue) code")
                return nil
            }
            return code
        } catch {
            note(field, "\(error)")
            return nil
        }
    }

    /// The region named `text`, or a note listing the namesakes to choose from.
    mutating func regionNamed(_ text: String, field: String, filter: RegionLevelFilter?, directory: RegionDirectory)
        -> RegionCode?
    {
        let what = filter.map { $0.kind?.name ?? $0.level.rawValue } ?? "region"
        switch directory.region(named: text, filter: filter) {
        case .found(let region):
            return region.code
        case .ambiguous(let candidates):
            let shown = candidates.prefix(5).map(directory.describe).joined(separator: "; ")
            let more = candidates.count > 5 ? "; and \(candidates.count - 5) more" : ""
            note(
                field,
                "'\(text)' names \(candidates.count) \(what == "region" ? "regions" : what + "s"): \(shown)\(more); "
                    + "give the code, or the name with the regions it lies in ('\(text), <regency>')")
        case .none:
            note(field, "no \(what) is named '\(text)' (kaderctl region search '\(text)' finds close names)")
        }
        return nil
    }

    mutating func id<Kind: EntityKind>(_ text: String?, field: String, as kind: Kind.Type = Kind.self) -> EntityID<Kind>? {
        guard let text else { return nil }
        do {
            return try EntityID<Kind>(text)
        } catch {
            note(field, "\(error)")
            return nil
        }
    }

    mutating func choice<Value: RawRepresentable & CaseIterable>(_ text: String?, field: String, as type: Value.Type)
        -> Value? where Value.RawValue == String
    {
        guard let text else { return nil }
        guard let value = Value(rawValue: text) else {
            note(field, "'\(text)' is not one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return value
    }

    mutating func sex(_ text: String?, field: String) -> Sex? {
        guard let text else { return nil }
        guard let sex = Sex(lenient: text) else {
            note(field, "'\(text)' is not one of \(Sex.accepted)")
            return nil
        }
        return sex
    }

    mutating func localDate(_ text: String?, field: String) -> LocalDate? {
        guard let text else { return nil }
        do {
            return try LocalDate(parsing: text)
        } catch {
            note(field, "\(error)")
            return nil
        }
    }

    /// The days `from` and `to` (both included), each optional, `to` not before `from`.
    mutating func days(from: String?, to: String?) -> (from: LocalDate?, through: LocalDate?) {
        let first = localDate(from, field: "from")
        let last = localDate(to, field: "to")
        if let first, let last, last < first { note("to", "\(last) is before from (\(first))") }
        return (first, last)
    }

    /// The region filters of a list, each checked to be of its level.
    mutating func regionFilter(
        province: String?, regency: String?, district: String?, village: String?, directory: RegionDirectory
    ) -> [RegionCode] {
        [
            regionCode(province, field: "province", level: .province, directory: directory),
            regionCode(regency, field: "regency", level: .regency, directory: directory),
            regionCode(district, field: "district", level: .district, directory: directory),
            regionCode(village, field: "village", level: .village, directory: directory),
        ].compactMap { $0 }
    }

    /// The reason of a forced change: required with `force`, so the history says why the
    /// rules were set aside. Nil when not forced.
    mutating func forced(_ force: Bool?, reason: String?) -> String? {
        guard force == true else { return nil }
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if reason.isEmpty { note("reason", "is required with force: say why, for the history") }
        return reason
    }

    /// A reason that must be given.
    mutating func reason(_ text: String?, why: String) -> String {
        let reason = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if reason.isEmpty { note("reason", "is required: \(why)") }
        return reason
    }

    mutating func limit(_ value: Int?, default defaultValue: Int = 100, maximum: Int = 1000) -> Int {
        guard let value else { return defaultValue }
        guard (1...maximum).contains(value) else {
            note("limit", "must be between 1 and \(maximum)")
            return defaultValue
        }
        return value
    }
}
