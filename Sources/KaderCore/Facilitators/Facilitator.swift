import Foundation

/// A Pendamping Desa: placed by the Ministry (often from outside the village) to find,
/// train and mentor the KPMD of the villages they cover.
public struct Facilitator: Sendable, Hashable {
    public var id: FacilitatorID
    public var name: String
    public var role: FacilitatorRole
    public var phone: String
    public var email: String
    /// How many villages the facilitator can attend in one day.
    public var capacity: Int
    /// The days of the week they work; blackouts of each village's province apply too.
    public var workingDays: Set<Weekday>
    public var registeredAt: Date

    /// One village a day, Monday to Friday: the working week of a contracted facilitator.
    public static let defaultCapacity = 1
    public static let defaultWorkingDays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]

    public init(
        id: FacilitatorID, name: String, role: FacilitatorRole, phone: String = "", email: String = "",
        capacity: Int = Facilitator.defaultCapacity, workingDays: Set<Weekday> = Facilitator.defaultWorkingDays,
        registeredAt: Date
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.phone = phone
        self.email = email
        self.capacity = capacity
        self.workingDays = workingDays
        self.registeredAt = registeredAt
    }

    /// Problems of the fields a person gives; every one at once, each named by its field.
    public static func problems(name: String?, capacity: Int?, workingDays: Set<Weekday>?, email: String?) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if let name {
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { problems.append(FieldProblem(field: "name", message: "must not be empty")) }
            if trimmed.count > 200 { problems.append(FieldProblem(field: "name", message: "is longer than 200 characters")) }
        }
        if let capacity, !(1...10).contains(capacity) {
            problems.append(FieldProblem(field: "capacity", message: "\(capacity) is not between 1 and 10 villages a day"))
        }
        if let workingDays, workingDays.isEmpty {
            problems.append(FieldProblem(field: "working_days", message: "name at least one day"))
        }
        if let email, !email.isEmpty, !email.contains("@") {
            problems.append(FieldProblem(field: "email", message: "'\(email)' is not an e-mail address"))
        }
        return problems
    }
}
