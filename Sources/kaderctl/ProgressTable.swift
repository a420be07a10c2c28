// Not all of Foundation: it would link ICU into kaderctl and slow every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import KaderRPC

/// `report progress` as a terminal table with bars, and as CSV.
enum ProgressTable {
    /// `Progress in Provinsi Bali (51), as of 2026-06-30`: what the table counts, and when.
    static func title(_ report: ProgressReportWire) -> String {
        let place = report.region.map { "\($0.name) (\($0.code))" } ?? "Indonesia"
        let when = report.asOf.map { "as of the end of \($0)" } ?? "as of \(MachineTime.display(report.madeAt))"
        return "Progress in \(place), \(when)"
    }

    static func table(_ report: ProgressReportWire, rows: [ProgressRow]) -> Table {
        var table = Table([
            report.rowLevel.uppercased(), "DESA", "WITH KPMD", "", "CADRES", "WORKFLOWS", "DONE", "MISSED", "OVERDUE",
            "ON TIME", "", "FACILITATORS",
        ])
        for row in rows { table.append(cells(row, name: row.region.map { "\($0.code) \($0.name)" } ?? "")) }
        table.append(cells(report.total, name: "TOTAL"))
        return table
    }

    private static func cells(_ row: ProgressRow, name: String) -> [String] {
        [
            name, String(row.villages), String(row.villagesWithKPMD), bar(row.kpmdRate),
            String(row.cadres.values.reduce(0, +)), String(row.activeWorkflows), String(row.tasksDone),
            String(row.tasksMissed), String(row.tasksOverdue), percent(row.onTimeRate), bar(row.onTimeRate),
            String(row.facilitators),
        ]
    }

    /// A share as ten cells of Unicode blocks, in eighths: `█████▍    `; blank when there is none.
    static func bar(_ share: Double?, width: Int = 10) -> String {
        guard let share else { return String(repeating: " ", count: width) }
        let eighths = Int((min(max(share, 0), 1) * Double(width * 8)).rounded())
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        let drawn = String(repeating: "█", count: eighths / 8) + partial
        return drawn + String(repeating: " ", count: width - drawn.count)
    }

    /// `87%`, or `-` where nothing was due.
    static func percent(_ share: Double?) -> String {
        share.map { "\(Int(($0 * 100).rounded()))%" } ?? "-"
    }

    /// Every count, a row per region and the total, for a spreadsheet (RFC 4180).
    static func csv(_ report: ProgressReportWire, rows: [ProgressRow]) -> String {
        let statuses = ["candidate", "active", "completed", "inactive"]
        let headers =
            ["region_code", "region_name", "villages", "villages_with_kpmd", "kpmd_rate"] + statuses.map { "cadres_\($0)" }
            + [
                "active_workflows", "active_workflows_by_step", "tasks_done", "tasks_done_on_time", "tasks_missed",
                "tasks_overdue", "on_time_rate", "facilitators",
            ]
        func record(_ row: ProgressRow, code: String, name: String) -> [String] {
            [code, name, String(row.villages), String(row.villagesWithKPMD), rate(row.kpmdRate)]
                + statuses.map { String(row.cadres[$0, default: 0]) }
                + [
                    String(row.activeWorkflows),
                    row.activeWorkflowsByStep.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";"),
                    String(row.tasksDone), String(row.tasksDoneOnTime), String(row.tasksMissed), String(row.tasksOverdue),
                    rate(row.onTimeRate), String(row.facilitators),
                ]
        }
        let total = record(report.total, code: report.region?.code ?? "", name: "Total")
        return CSVWriter.render(
            [headers] + rows.map { record($0, code: $0.region?.code ?? "", name: $0.region?.name ?? "") } + [total])
    }

    /// A share to four decimals, or empty where there is none.
    private static func rate(_ share: Double?) -> String {
        share.map { "\(($0 * 10000).rounded() / 10000)" } ?? ""
    }
}
