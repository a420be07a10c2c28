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

    /// One field that changed, with its values as the history shows them.
    struct Change {
        var field: String
        var from: String
        var to: String
    }

    /// Applies the changes; returns the fields that really changed.
    func apply(to draft: inout CadreDraft) -> [Change] {
        var changed: [Change] = []
        func set<Value: Equatable>(
            _ value: Value?, _ keyPath: WritableKeyPath<CadreDraft, Value>, _ name: String,
            shown: (Value) -> String = { "\($0)" }
        ) {
            guard let value, draft[keyPath: keyPath] != value else { return }
            changed.append(Change(field: name, from: shown(draft[keyPath: keyPath]), to: shown(value)))
            draft[keyPath: keyPath] = value
        }
        set(name, \.name, "name")
        set(sex, \.sex, "sex", shown: \.rawValue)
        set(birthYear, \.birthYear, "birth_year")
        set(education, \.education, "education")
        set(courses, \.courses, "courses") { $0.joined(separator: "; ") }
        set(field, \.field, "field")
        set(village, \.village, "village")
        set(address, \.address, "address")
        set(status, \.status, "status", shown: \.rawValue)
        set(notes, \.notes, "notes")
        return changed
    }
}
