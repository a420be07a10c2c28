import Foundation

/// A KPMD: a villager chosen in the Musyawarah Desa to carry community empowerment. An id,
/// when they were registered, and what the register holds of them: the fields are defined
/// once, in `CadreDraft`, and read through (`cadre.name`).
@dynamicMemberLookup
public struct Cadre: Sendable, Hashable {
    public var id: CadreID
    /// Name, sex, birth year, schooling, courses, field, village, address, status, notes.
    public var details: CadreDraft
    public var registeredAt: Date
    /// Set when the registration was withdrawn as entered in error.
    public var withdrawal: CadreWithdrawal?

    public init(id: CadreID, details: CadreDraft, registeredAt: Date, withdrawal: CadreWithdrawal? = nil) {
        self.id = id
        self.details = details
        self.registeredAt = registeredAt
        self.withdrawal = withdrawal
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<CadreDraft, Value>) -> Value {
        get { details[keyPath: keyPath] }
        set { details[keyPath: keyPath] = newValue }
    }

    /// Umur in a given year, as the register shows it.
    public func age(in year: Int) -> Int { year - details.birthYear }
}
