import Foundation
import GRDB
import KaderCore
import KaderStore

extension SQLiteWriter {
    public func insert(_ facilitator: Facilitator) throws {
        try db.execute(
            sql: """
                INSERT INTO facilitator (id, seq, name, role, phone, email, capacity, working_days, registered_at)
                VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM facilitator), ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                facilitator.id.rawValue, facilitator.name, facilitator.role.rawValue, facilitator.phone,
                facilitator.email, facilitator.capacity, StoredWorkingDays.text(facilitator.workingDays),
                facilitator.registeredAt.timeIntervalSince1970,
            ])
    }

    public func update(_ facilitator: Facilitator) throws {
        try db.execute(
            sql: """
                UPDATE facilitator SET name = ?, role = ?, phone = ?, email = ?, capacity = ?, working_days = ?
                WHERE id = ?
                """,
            arguments: [
                facilitator.name, facilitator.role.rawValue, facilitator.phone, facilitator.email,
                facilitator.capacity, StoredWorkingDays.text(facilitator.workingDays), facilitator.id.rawValue,
            ])
    }

    public func insert(_ assignment: FacilitatorAssignment) throws {
        try db.execute(
            sql: "INSERT INTO facilitator_assignment (facilitator_id, region, from_date, until_date) VALUES (?, ?, ?, ?)",
            arguments: [
                assignment.facilitator.rawValue, assignment.region.description, assignment.from.description,
                assignment.until?.description,
            ])
    }

    /// Ends the open assignments of `region` to anyone but `keeping` on `lastDay`: the
    /// region passes to the new facilitator the day after. Returns those ended.
    @discardableResult
    public func endAssignments(of region: RegionCode, on lastDay: LocalDate, keeping: FacilitatorID) throws
        -> [FacilitatorAssignment]
    {
        let open = try reader.assignments(endingOn: lastDay, of: region, keeping: keeping)
        try db.execute(
            sql: """
                UPDATE facilitator_assignment SET until_date = ?
                WHERE region = ? AND facilitator_id != ? AND from_date <= ? AND (until_date IS NULL OR until_date > ?)
                """,
            arguments: [
                lastDay.description, region.description, keeping.rawValue, lastDay.description, lastDay.description,
            ])
        return open
    }

    public func setFacilitator(_ facilitator: FacilitatorID?, of workflow: WorkflowID) throws {
        try db.execute(
            sql: "UPDATE workflow SET facilitator_id = ? WHERE id = ?", arguments: [facilitator?.rawValue, workflow.rawValue])
    }
}
