import Foundation
import GRDB
import KaderCore
import KaderStore

extension SQLiteReader {
    public func facilitator(_ id: FacilitatorID) throws -> Facilitator? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM facilitator WHERE id = ?"), arguments: [id.rawValue])
            .map(Self.facilitator)
    }

    /// Facilitators in registration order, of one role when given.
    public func facilitators(role: FacilitatorRole?) throws -> [Facilitator] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM facilitator WHERE (?1 IS NULL OR role = ?1) ORDER BY seq"),
            arguments: [role?.rawValue]
        ).map(Self.facilitator)
    }

    public func assignments(of facilitator: FacilitatorID) throws -> [FacilitatorAssignment] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM facilitator_assignment WHERE facilitator_id = ? ORDER BY seq"),
            arguments: [facilitator.rawValue]
        ).map(Self.assignment)
    }

    /// The assignments of exactly `region` (not of the regions within it).
    public func assignments(of region: RegionCode) throws -> [FacilitatorAssignment] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM facilitator_assignment WHERE region = ? ORDER BY seq"),
            arguments: [region.description]
        ).map(Self.assignment)
    }

    /// The facilitator covering `village` on `day`: assigned the village itself, or else its district.
    public func facilitator(covering village: RegionCode, on day: LocalDate) throws -> FacilitatorID? {
        var candidates = try assignments(of: village)
        if let district = village.parent { candidates += try assignments(of: district) }
        return FacilitatorAssignment.deciding(candidates, for: village, on: day)?.facilitator
    }

    /// The active workflows of the villages within `region` (a village, or a district).
    public func activeWorkflows(within region: RegionCode) throws -> [WorkflowID] {
        let conditions = RegionFilter(within: [region]).conditions(column: "village")
        return try String.fetchAll(
            db,
            sql: "SELECT id FROM workflow \(Self.whereClause(conditions.sql + ["state = 'active'"])) ORDER BY seq",
            arguments: StatementArguments(conditions.arguments)
        ).map { try decodeStored($0, as: WorkflowID.self) }
    }

    static func facilitator(_ row: Row) throws -> Facilitator {
        Facilitator(
            id: try decodeStored(row["id"], as: FacilitatorID.self), name: row["name"],
            role: FacilitatorRole(rawValue: row["role"]) ?? .pendampingLokalDesa, phone: row["phone"], email: row["email"],
            capacity: row["capacity"], workingDays: StoredWorkingDays.days(row["working_days"]),
            registeredAt: Date(timeIntervalSince1970: row["registered_at"]))
    }

    static func assignment(_ row: Row) throws -> FacilitatorAssignment {
        FacilitatorAssignment(
            facilitator: try decodeStored(row["facilitator_id"], as: FacilitatorID.self),
            region: try decodeStored(row["region"], as: RegionCode.self), from: try decodeStored(row["from_date"], as: LocalDate.self),
            until: try (row["until_date"] as String?).map { try decodeStored($0, as: LocalDate.self) })
    }
}

extension SQLiteReader {
    /// Where a facilitator is expected while their open tasks whose windows open in
    /// `range` last: each village and opening instant once, however many cohorts share it,
    /// so the load of a busy facilitator is a few rows, not all their tasks.
    public func attendance(of facilitator: FacilitatorID, opening range: Range<Date>) throws -> [Attendance] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT DISTINCT village, zone, window_start FROM task INDEXED BY task_by_facilitator
                    WHERE facilitator_id = ? AND window_start >= ? AND window_start < ?
                      AND state IN ('scheduled', 'due', 'in_progress')
                    """),
            arguments: [
                facilitator.rawValue, Int64(range.lowerBound.timeIntervalSince1970),
                Int64(range.upperBound.timeIntervalSince1970.rounded(.up)),
            ]
        ).map { row in
            let start = Date(timeIntervalSince1970: TimeInterval(row[2] as Int64))
            return Attendance(
                village: RegionCode.trusted(row[0]), day: LocalDate(start, in: TimeZone(identifier: row[1]) ?? .gmt))
        }
    }
}
