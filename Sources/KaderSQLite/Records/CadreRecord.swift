import Foundation
import GRDB
import KaderCore
import KaderStore

/// A cadre as its row of `cadre`: the one place the store names the cadre's columns, for
/// reading and for writing.
struct CadreRecord {
    var cadre: Cadre
    /// The register's No. Urut; assigned when the cadre is inserted, never changed.
    var seq: Int64?

    /// What an update may change: everything but the id, the number and the registration time.
    static let changeableColumns: Set<String> = [
        "name", "sex", "birth_year", "education", "courses", "field", "village", "address", "status", "notes",
        "withdrawn_at", "withdrawal_reason", "name_key",
    ]

    /// Inserts `cadre` as the register's next number.
    static func insert(_ cadre: Cadre, into db: Database) throws {
        let next = try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(seq), 0) + 1 FROM cadre")) ?? 1
        try CadreRecord(cadre: cadre, seq: next).insert(db)
    }
}

extension CadreRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "cadre"

    init(row: Row) throws {
        let details = CadreDraft(
            name: row["name"], sex: Sex(rawValue: row["sex"]) ?? .female, birthYear: row["birth_year"],
            education: row["education"], courses: JSONText.strings(row["courses"]), field: row["field"],
            village: try decodeStored(row["village"], as: RegionCode.self), address: row["address"],
            status: CadreStatus(rawValue: row["status"]) ?? .candidate, notes: row["notes"])
        cadre = Cadre(
            id: try decodeStored(row["id"], as: CadreID.self), details: details,
            registeredAt: Date(timeIntervalSince1970: row["registered_at"]),
            withdrawal: (row["withdrawn_at"] as Double?).map {
                CadreWithdrawal(at: Date(timeIntervalSince1970: $0), reason: row["withdrawal_reason"] ?? "")
            })
        seq = row["seq"]
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = cadre.id.rawValue
        container["seq"] = seq
        container["name"] = cadre.name
        container["sex"] = cadre.sex.rawValue
        container["birth_year"] = cadre.birthYear
        container["education"] = cadre.education
        container["courses"] = JSONText.encode(cadre.courses)
        container["field"] = cadre.field
        container["village"] = cadre.village.description
        container["address"] = cadre.address
        container["status"] = cadre.status.rawValue
        container["notes"] = cadre.notes
        container["registered_at"] = cadre.registeredAt.timeIntervalSince1970
        container["withdrawn_at"] = cadre.withdrawal?.at.timeIntervalSince1970
        container["withdrawal_reason"] = cadre.withdrawal?.reason
        // The name as the duplicate check compares it (CadreIdentity).
        container["name_key"] = CadreIdentity.nameKey(of: cadre.name)
    }
}
