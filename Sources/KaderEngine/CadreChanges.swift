import KaderCore

/// The fields `cadre.update` may change; nil leaves a field as it is.
public struct CadreChanges: Sendable, Hashable {
    public var name: String?
    public var sex: Sex?
    public var birthYear: Int?
    public var education: String?
    public var courses: [String]?
    public var field: String?
    public var village: RegionCode?
    public var address: String?
    public var status: CadreStatus?
    public var notes: String?

    public init(
        name: String? = nil, sex: Sex? = nil, birthYear: Int? = nil, education: String? = nil,
        courses: [String]? = nil, field: String? = nil, village: RegionCode? = nil, address: String? = nil,
        status: CadreStatus? = nil, notes: String? = nil
    ) {
        self.name = name
        self.sex = sex
        self.birthYear = birthYear
        self.education = education
        self.courses = courses
        self.field = field
        self.village = village
        self.address = address
        self.status = status
        self.notes = notes
    }

    /// Applies the changes; returns the names of the fields that really changed.
    func apply(to draft: inout CadreDraft) -> [String] {
        var changed: [String] = []
        func set<Value: Equatable>(_ value: Value?, _ keyPath: WritableKeyPath<CadreDraft, Value>, _ name: String) {
            guard let value, draft[keyPath: keyPath] != value else { return }
            draft[keyPath: keyPath] = value
            changed.append(name)
        }
        set(name, \.name, "name")
        set(sex, \.sex, "sex")
        set(birthYear, \.birthYear, "birth_year")
        set(education, \.education, "education")
        set(courses, \.courses, "courses")
        set(field, \.field, "field")
        set(village, \.village, "village")
        set(address, \.address, "address")
        set(status, \.status, "status")
        set(notes, \.notes, "notes")
        return changed
    }
}
