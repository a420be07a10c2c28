import Foundation
import GRDB
import KaderCore
import KaderStore

/// A workflow as its row of `workflow`; its cohort is in `workflow_cadre`, which the
/// reader and writer handle beside it.
struct WorkflowRecord {
    var workflow: Workflow
    /// The order workflows were started in; assigned at insert, never changed.
    var seq: Int64?

    /// Inserts `workflow` as the next started; its cohort is the caller's to insert.
    static func insert(_ workflow: Workflow, into db: Database) throws {
        let next = try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(seq), 0) + 1 FROM workflow")) ?? 1
        try WorkflowRecord(workflow: workflow, seq: next).insert(db)
    }
}

extension WorkflowRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "workflow"

    /// The workflow with an empty cohort: the row does not hold it.
    init(row: Row) throws {
        workflow = Workflow(
            id: try decodeStored(row["id"], as: WorkflowID.self),
            programID: row["program_id"],
            programVersion: row["program_version"],
            village: try decodeStored(row["village"], as: RegionCode.self),
            zoneIdentifier: row["zone"],
            cadres: [],
            facilitatorID: try (row["facilitator_id"] as String?).map { try decodeStored($0, as: FacilitatorID.self) },
            facilitator: row["facilitator"],
            startDate: try decodeStored(row["start_date"], as: LocalDate.self),
            state: WorkflowState(rawValue: row["state"]) ?? .active,
            createdAt: Date(timeIntervalSince1970: row["created_at"]))
        seq = row["seq"]
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = workflow.id.rawValue
        container["seq"] = seq
        container["program_id"] = workflow.programID
        container["program_version"] = workflow.programVersion
        container["village"] = workflow.village.description
        container["zone"] = workflow.zoneIdentifier
        container["start_date"] = workflow.startDate.description
        container["state"] = workflow.state.rawValue
        container["created_at"] = workflow.createdAt.timeIntervalSince1970
        container["facilitator"] = workflow.facilitator
        container["facilitator_id"] = workflow.facilitatorID?.rawValue
    }
}
