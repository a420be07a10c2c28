import Foundation
import KaderCore
import KaderEngine
import KaderRPC
import KaderStore

/// Domain values as the API shows them: codes with names, times in the village's zone.
public struct WireMapping {
    let directory: RegionDirectory

    public init(directory: RegionDirectory) {
        self.directory = directory
    }

    func cadre(_ cadre: Cadre) -> CadreInfo {
        var fields = CadreFields(
            name: cadre.name, sex: cadre.sex.rawValue, birthYear: cadre.birthYear, field: cadre.field,
            village: cadre.village.description)
        fields.education = cadre.education
        fields.courses = cadre.courses
        fields.address = cadre.address
        fields.status = cadre.status.rawValue
        fields.notes = cadre.notes
        return CadreInfo(
            id: cadre.id.rawValue, fields: fields, villageName: directory.name(of: cadre.village) ?? "",
            registeredAt: cadre.registeredAt, withdrawnAt: cadre.withdrawal?.at,
            withdrawalReason: cadre.withdrawal?.reason)
    }

    func workflow(_ workflow: Workflow) -> WorkflowInfo {
        let zone = TimeZone(identifier: workflow.zoneIdentifier) ?? .gmt
        return WorkflowInfo(
            id: workflow.id.rawValue, program: workflow.programID, programVersion: workflow.programVersion,
            village: workflow.village.description, villageName: directory.name(of: workflow.village) ?? "",
            zone: IndonesianZone.abbreviation(for: zone), timeZone: workflow.zoneIdentifier,
            cadres: workflow.cadres.map(\.rawValue), facilitatorID: workflow.facilitatorID?.rawValue,
            facilitator: workflow.facilitator,
            startDate: workflow.startDate.description,
            state: workflow.state.rawValue, createdAt: workflow.createdAt)
    }

    public func task(_ task: WorkflowTask) -> TaskInfo {
        var zones = WireZones()
        return self.task(task, zones: &zones)
    }

    /// Tasks sharing the lookups of their zones.
    func tasks(_ tasks: [WorkflowTask]) -> [TaskInfo] {
        var zones = WireZones()
        return tasks.map { task($0, zones: &zones) }
    }

    private func task(_ task: WorkflowTask, zones: inout WireZones) -> TaskInfo {
        TaskInfo(
            id: task.id.rawValue, workflow: task.workflowID.rawValue, step: task.stepID, kind: task.kind.rawValue,
            title: task.title, occurrence: task.occurrence, occurrences: task.occurrences,
            village: task.village.description, villageName: directory.name(of: task.village) ?? "",
            zone: zones.abbreviation(of: task.zoneIdentifier), timeZone: task.zoneIdentifier,
            windowStart: zones.string(task.windowStart, in: task.zoneIdentifier),
            windowEnd: zones.string(task.windowEnd, in: task.zoneIdentifier),
            state: task.state.rawValue, records: task.records, updatedAt: task.updatedAt,
            facilitator: task.facilitatorID?.rawValue, conflict: task.conflict)
    }

    func history(_ entry: HistoryEntry) -> HistoryInfo {
        HistoryInfo(
            seq: entry.seq, at: entry.at, uid: entry.caller.uid, agent: entry.caller.agent, action: entry.action,
            detail: entry.detail)
    }

    func region(_ region: Region) -> RegionInfo {
        RegionInfo(
            code: region.code.description, name: region.name, level: region.level.rawValue,
            within: directory.path(of: region.code).dropLast().map(\.name))
    }

    func program(_ entry: ProgramCatalog.Entry, versions: [Int]) -> ProgramInfo {
        let program = entry.program
        return ProgramInfo(
            id: program.id, version: program.version, title: program.title, summary: program.summary,
            source: entry.source, versions: versions,
            steps: program.steps.map { step in
                ProgramStepInfo(
                    id: step.id, kind: step.kind.rawValue, title: step.title, after: step.after,
                    offsetDays: step.offsetDays, durationDays: step.durationDays, time: step.time.description,
                    recurrence: step.recurrence?.description, records: step.records,
                    blackout: step.blackoutPolicy.rawValue)
            })
    }
}

extension WireMapping {
    func progress(_ report: ProgressReport, asOf: LocalDate?) -> ProgressReportWire {
        func row(_ region: Region?, _ counts: ProgressCounts) -> ProgressRow {
            ProgressRow(
                region: region.map(self.region), villages: counts.villages, villagesWithKPMD: counts.villagesWithKPMD,
                kpmdRate: counts.kpmdRate,
                cadres: Dictionary(uniqueKeysWithValues: CadreStatus.allCases.map { ($0.rawValue, counts.cadres[$0, default: 0]) }),
                activeWorkflows: counts.activeWorkflows.values.reduce(0, +),
                activeWorkflowsByStep: Dictionary(
                    counts.activeWorkflows.map { ($0.key.isEmpty ? ProgressRow.notStarted : $0.key, $0.value) },
                    uniquingKeysWith: +),
                tasksDone: counts.tasksDone, tasksDoneOnTime: counts.tasksDoneOnTime, tasksMissed: counts.tasksMissed,
                tasksOverdue: counts.tasksOverdue, onTimeRate: counts.onTimeRate, facilitators: counts.facilitators)
        }
        return ProgressReportWire(
            region: report.region.map(region), rowLevel: report.rows.first?.region.level.rawValue ?? "province",
            asOf: asOf?.description, madeAt: report.madeAt, rows: report.rows.map { row($0.region, $0.counts) },
            total: row(report.region, report.total),
            months: report.months.map {
                ProgressMonth(
                    month: String($0.first.description.prefix(7)), done: $0.outcomes.done, missed: $0.outcomes.missed)
            })
    }
}
