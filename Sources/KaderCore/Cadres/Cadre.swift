import Foundation

/// A KPMD: a villager chosen in the Musyawarah Desa to carry community empowerment.
public struct Cadre: Sendable, Hashable {
    public var id: CadreID
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
    public var registeredAt: Date
    /// Set when the registration was withdrawn as entered in error.
    public var withdrawal: CadreWithdrawal?

    public init(
        id: CadreID, name: String, sex: Sex, birthYear: Int, education: String, courses: [String] = [],
        field: String, village: RegionCode, address: String = "", status: CadreStatus = .candidate,
        notes: String = "", registeredAt: Date, withdrawal: CadreWithdrawal? = nil
    ) {
        self.id = id
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
        self.registeredAt = registeredAt
        self.withdrawal = withdrawal
    }

    /// Umur in a given year, as the register shows it.
    public func age(in year: Int) -> Int { year - birthYear }
}
