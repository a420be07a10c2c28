/// What the register holds of a cadre, as submitted for registration or update before it
/// has an id, and as a `Cadre` carries it after; `problems` says everything that is wrong
/// with it at once. The one place the cadre's fields are defined.
public struct CadreDraft: Sendable, Hashable {
    public var name: String
    public var sex: Sex
    public var birthYear: Int
    /// Pendidikan: the highest schooling.
    public var education: String
    /// Kursus: trainings attended, in order.
    public var courses: [String]
    /// Bidang: the field the cadre works in (kesehatan, ekonomi, …).
    public var field: String
    public var village: RegionCode
    /// Alamat within the village (dusun, RT/RW); the village itself is `village`.
    public var address: String
    public var status: CadreStatus
    /// Keterangan: free remarks for the register.
    public var notes: String

    public init(
        name: String, sex: Sex, birthYear: Int, education: String = "", courses: [String] = [], field: String,
        village: RegionCode, address: String = "", status: CadreStatus = .candidate, notes: String = ""
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

    /// The youngest a KPMD is expected to be; younger is surely a typo in the birth year.
    public static let minimumAge = 15

    /// Checks the draft against the facts a register must hold; `directory` knows which
    /// villages exist, `currentYear` makes ages testable.
    public func problems(directory: RegionDirectory, currentYear: Int) -> [FieldProblem] {
        Self.problems(
            name: name, birthYear: birthYear, field: field, village: village, directory: directory,
            currentYear: currentYear)
    }

    /// The same checks on the fields given; nil skips a field (not given, or already found
    /// malformed), so every problem of an input can be reported at once.
    public static func problems(
        name: String?, birthYear: Int?, field: String?, village: RegionCode?, directory: RegionDirectory,
        currentYear: Int
    ) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if let name {
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                problems.append(FieldProblem(field: "name", message: "must not be empty"))
            } else if trimmed.count > 200 {
                problems.append(FieldProblem(field: "name", message: "is longer than 200 characters"))
            }
        }
        if let birthYear {
            let oldest = currentYear - 100
            let youngest = currentYear - minimumAge
            if birthYear < oldest || birthYear > youngest {
                problems.append(
                    FieldProblem(field: "birth_year", message: "\(birthYear) is not between \(oldest) and \(youngest)"))
            }
        }
        if let field, field.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(FieldProblem(field: "field", message: "must name the cadre's bidang (e.g. kesehatan)"))
        }
        if let village {
            if village.level != .village {
                problems.append(
                    FieldProblem(field: "village", message: "\(village) is a \(village.level) code, not a village code"))
            } else if directory.region(village) == nil {
                problems.append(FieldProblem(field: "village", message: "no village has the code \(village)"))
            }
        }
        return problems
    }
}
