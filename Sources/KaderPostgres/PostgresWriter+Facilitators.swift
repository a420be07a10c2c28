import Foundation
import KaderCore
import KaderStore
import PostgresNIO

extension PostgresWriter {
    public func insert(_ facilitator: Facilitator) throws {
        try session.execute(
            """
            INSERT INTO facilitator (id, seq, name, role, phone, email, capacity, working_days, registered_at)
            VALUES (\(facilitator.id.rawValue), (SELECT COALESCE(MAX(seq), 0) + 1 FROM facilitator), \(facilitator.name),
                    \(facilitator.role.rawValue), \(facilitator.phone), \(facilitator.email), \(facilitator.capacity),
                    \(StoredWorkingDays.text(facilitator.workingDays)), \(facilitator.registeredAt.timeIntervalSince1970))
            """)
    }

    public func update(_ facilitator: Facilitator) throws {
        try session.execute(
            """
            UPDATE facilitator SET name = \(facilitator.name), role = \(facilitator.role.rawValue),
              phone = \(facilitator.phone), email = \(facilitator.email), capacity = \(facilitator.capacity),
              working_days = \(StoredWorkingDays.text(facilitator.workingDays))
            WHERE id = \(facilitator.id.rawValue)
            """)
    }

    public func insert(_ assignment: FacilitatorAssignment) throws {
        try session.execute(
            """
            INSERT INTO facilitator_assignment (facilitator_id, region, from_date, until_date)
            VALUES (\(assignment.facilitator.rawValue), \(assignment.region.description), \(assignment.from.description),
                    \(assignment.until?.description))
            """)
    }

    @discardableResult
    public func endAssignments(of region: RegionCode, on lastDay: LocalDate, keeping: FacilitatorID) throws
        -> [FacilitatorAssignment]
    {
        let open = try reader.assignments(endingOn: lastDay, of: region, keeping: keeping)
        try session.execute(
            """
            UPDATE facilitator_assignment SET until_date = \(lastDay.description)
            WHERE region = \(region.description) AND facilitator_id != \(keeping.rawValue)
              AND from_date <= \(lastDay.description) AND (until_date IS NULL OR until_date > \(lastDay.description))
            """)
        return open
    }

    public func setFacilitator(_ facilitator: FacilitatorID?, of workflow: WorkflowID) throws {
        try session.execute("UPDATE workflow SET facilitator_id = \(facilitator?.rawValue) WHERE id = \(workflow.rawValue)")
    }
}
