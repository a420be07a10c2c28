import Foundation
import KaderCore
import KaderStore

/// Rows as the domain's values, column for column as the SQLite store reads its own.
extension PostgresReader {
    /// What every task query selects, in the order `task(_:)` reads it.
    static let taskColumns = """
        id, workflow_id, step_id, kind, title, occurrence, occurrences, village, zone, \
        window_start, window_end, state, records, updated_at, facilitator_id, conflict
        """

    static func task(_ row: StoredRow) throws -> WorkflowTask {
        WorkflowTask(
            id: TaskID.trusted(try row[0]),
            workflowID: WorkflowID.trusted(try row[1]),
            stepID: try row[2],
            kind: StepKind(rawValue: try row[3]),
            title: try row[4],
            occurrence: try row[5],
            occurrences: try row[6],
            village: RegionCode.trusted(try row[7]),
            zoneIdentifier: try row[8],
            windowStart: Date(timeIntervalSince1970: TimeInterval(try row[9] as Int64)),
            windowEnd: Date(timeIntervalSince1970: TimeInterval(try row[10] as Int64)),
            state: TaskState(rawValue: try row[11]) ?? .scheduled,
            records: JSONText.dictionary(try row[12]),
            updatedAt: Date(timeIntervalSince1970: try row[13]),
            facilitatorID: (try row[14] as String?).map(FacilitatorID.trusted),
            conflict: try row[15])
    }

    static func cadre(_ row: StoredRow) throws -> Cadre {
        let details = CadreDraft(
            name: try row["name"], sex: Sex(rawValue: try row["sex"]) ?? .female, birthYear: try row["birth_year"],
            education: try row["education"], courses: JSONText.strings(try row["courses"]), field: try row["field"],
            village: try decodeStored(row["village"], as: RegionCode.self), address: try row["address"],
            status: CadreStatus(rawValue: try row["status"]) ?? .candidate, notes: try row["notes"])
        let withdrawnAt: Double? = try row["withdrawn_at"]
        return Cadre(
            id: try decodeStored(row["id"], as: CadreID.self), details: details,
            registeredAt: Date(timeIntervalSince1970: try row["registered_at"]),
            withdrawal: try withdrawnAt.map {
                CadreWithdrawal(at: Date(timeIntervalSince1970: $0), reason: try row["withdrawal_reason"] ?? "")
            })
    }

    /// The workflow with an empty cohort: the row does not hold it.
    static func workflow(_ row: StoredRow) throws -> Workflow {
        Workflow(
            id: try decodeStored(row["id"], as: WorkflowID.self),
            programID: try row["program_id"],
            programVersion: try row["program_version"],
            village: try decodeStored(row["village"], as: RegionCode.self),
            zoneIdentifier: try row["zone"],
            cadres: [],
            facilitatorID: try (row["facilitator_id"] as String?).map { try decodeStored($0, as: FacilitatorID.self) },
            facilitator: try row["facilitator"],
            startDate: try decodeStored(row["start_date"], as: LocalDate.self),
            state: WorkflowState(rawValue: try row["state"]) ?? .active,
            createdAt: Date(timeIntervalSince1970: try row["created_at"]))
    }

    static func historyEntry(_ row: StoredRow) throws -> HistoryEntry {
        let uid: Int64? = try row["caller_uid"]
        return HistoryEntry(
            seq: try row["seq"],
            at: Date(timeIntervalSince1970: try row["at"]),
            caller: Caller(uid: uid.map { UInt32(truncatingIfNeeded: $0) }, agent: try row["caller_agent"]),
            entityKind: try row["entity_kind"],
            entityID: try row["entity_id"],
            action: try row["action"],
            detail: JSONText.dictionary(try row["detail"]))
    }

    static func facilitator(_ row: StoredRow) throws -> Facilitator {
        Facilitator(
            id: try decodeStored(row["id"], as: FacilitatorID.self), name: try row["name"],
            role: FacilitatorRole(rawValue: try row["role"]) ?? .pendampingLokalDesa, phone: try row["phone"],
            email: try row["email"], capacity: try row["capacity"],
            workingDays: StoredWorkingDays.days(try row["working_days"]),
            registeredAt: Date(timeIntervalSince1970: try row["registered_at"]))
    }

    static func assignment(_ row: StoredRow) throws -> FacilitatorAssignment {
        FacilitatorAssignment(
            facilitator: try decodeStored(row["facilitator_id"], as: FacilitatorID.self),
            region: try decodeStored(row["region"], as: RegionCode.self),
            from: try decodeStored(row["from_date"], as: LocalDate.self),
            until: try (row["until_date"] as String?).map { try decodeStored($0, as: LocalDate.self) })
    }
}
