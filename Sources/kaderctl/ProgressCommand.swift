import ArgumentParser
import KaderClient
import KaderRPC

extension ReportCommand {
    /// `kaderctl report progress`: what a DPMD office reads at a glance.
    struct Progress: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "progress",
            abstract: "Print where cadre development stands, a row for each region one level down.",
            discussion: """
                Without a region, a row for each province; with --province, a row for each \
                regency; with --regency, each district; with --district, each village. Each row \
                counts its villages (desa and desa adat: a kelurahan has no KPMD), the villages with \
                at least one KPMD (a cadre active or through the program), cadres by status, active \
                workflows, tasks done, missed and overdue (window closed, nothing recorded), the \
                on-time rate (done before the window closed, of the tasks done, missed or \
                overdue), and the facilitators covering it; the last row is the total. The bars \
                show the share of villages with KPMD and the on-time rate.

                --as-of DAY counts what had happened by the end of that day in each village's own \
                zone (cadres by their status now). --csv writes every count for a spreadsheet, \
                --json the reply as the API gives it, --html FILE one self-contained page with \
                charts (no network needed), printable on A4, headed in Indonesian.

                Examples:
                  kaderctl report progress
                  kaderctl report progress --province 51 --sort on-time
                  kaderctl report progress --regency 'Kabupaten Badung' --as-of 2026-06-30 --csv > badung.csv
                  kaderctl report progress --province bali --html kemajuan-bali.html

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Option(help: ArgumentHelp("A province (code or name): a row per regency.", valueName: "PROVINCE"))
        var province: String?

        @Option(help: ArgumentHelp("A regency (code or name): a row per district.", valueName: "REGENCY"))
        var regency: String?

        @Option(help: ArgumentHelp("A district (code or name): a row per village.", valueName: "DISTRICT"))
        var district: String?

        @Option(
            name: .customLong("as-of"), help: ArgumentHelp("Count as of the end of this day.", valueName: "YYYY-MM-DD"),
            transform: Day.parse)
        var asOf: Day?

        @Option(help: ArgumentHelp("Order rows by this column, largest first (region: by code).", valueName: "COLUMN"))
        var sort: ProgressColumn = .region

        @Flag(help: "Write CSV instead of a table.")
        var csv = false

        @Option(help: ArgumentHelp("Write a self-contained HTML page here.", valueName: "FILE"))
        var html: String?

        func validate() throws {
            let regions = [province.map { _ in "--province" }, regency.map { _ in "--regency" }, district.map { _ in "--district" }]
                .compactMap { $0 }
            if regions.count > 1 { throw ValidationError("give only one of \(regions.joined(separator: ", "))") }
            let formats = [csv ? "--csv" : nil, kaderctl.global.json ? "--json" : nil, html.map { _ in "--html" }].compactMap { $0 }
            if formats.count > 1 { throw ValidationError("choose one of \(formats.joined(separator: ", "))") }
        }

        func run() throws {
            let global = kaderctl.global
            let params = ProgressParams(province: province, regency: regency, district: district, asOf: asOf?.description)
            let reply = try global.withConnection { connection throws(ClientError) in
                try connection.fetch(.reportProgress, params, as: ProgressReportWire.self)
            }
            if global.json { return Output.json(reply.raw) }
            let report = reply.value
            let rows = sort.sorted(report.rows)
            if csv { return Output.write(ProgressTable.csv(report, rows: rows)) }
            guard let html else {
                Output.print(ProgressTable.title(report))
                return Output.print(ProgressTable.table(report, rows: rows).render())
            }
            do {
                try AtomicFile.write(Array(ProgressPage.render(report, rows: rows).utf8), to: html)
            } catch {
                throw CommandFailure(kind: nil, message: "cannot write \(html): \(error)").report()
            }
            Output.progress("wrote the report of \(rows.count) regions to \(html)")
        }
    }
}

/// The columns `report progress --sort` orders by.
enum ProgressColumn: String, CaseIterable, ExpressibleByArgument {
    case region, villages, kpmd, cadres, workflows, done, missed, overdue
    case onTime = "on-time"
    case facilitators

    func sorted(_ rows: [ProgressRow]) -> [ProgressRow] {
        func key(_ row: ProgressRow) -> Double {
            switch self {
            case .region: 0
            case .villages: Double(row.villages)
            case .kpmd: row.kpmdRate ?? -1
            case .cadres: Double(row.cadres.values.reduce(0, +))
            case .workflows: Double(row.activeWorkflows)
            case .done: Double(row.tasksDone)
            case .missed: Double(row.tasksMissed)
            case .overdue: Double(row.tasksOverdue)
            case .onTime: row.onTimeRate ?? -1
            case .facilitators: Double(row.facilitators)
            }
        }
        let code = { (row: ProgressRow) in row.region?.code ?? "" }
        return rows.sorted { key($0) != key($1) ? key($0) > key($1) : code($0) < code($1) }
    }
}
