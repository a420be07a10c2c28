/// What makes two registrations the same person for the register: the name as people
/// write it (case, accents and punctuation ignored, so "Ni Luh Putu" is "NI LUH PUTU" and
/// "Ni Lúh Putu"), sex, birth year and village. Importing a sheet twice is the usual cause.
public struct CadreIdentity: Sendable, Hashable {
    private let name: [UInt8]

    /// The name as compared, for a store to index: equal keys, same name.
    public var nameKey: String { String(decoding: name, as: UTF8.self) }

    /// The key of a name alone, as `nameKey` gives it.
    public static func nameKey(of name: String) -> String { String(decoding: SearchFolding.fold(name), as: UTF8.self) }
    public let sex: Sex
    public let birthYear: Int
    public let village: RegionCode

    public init(name: String, sex: Sex, birthYear: Int, village: RegionCode) {
        self.name = SearchFolding.fold(name)
        self.sex = sex
        self.birthYear = birthYear
        self.village = village
    }

    public init(_ draft: CadreDraft) {
        self.init(name: draft.name, sex: draft.sex, birthYear: draft.birthYear, village: draft.village)
    }

    public init(_ cadre: Cadre) {
        self.init(name: cadre.name, sex: cadre.sex, birthYear: cadre.birthYear, village: cadre.village)
    }
}
