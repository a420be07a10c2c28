import ArgumentParser
import KaderClient
import KaderRPC

/// `kaderctl workflow`: runs of a program for a cadre or a village cohort.
struct WorkflowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workflow",
        abstract: "Start, list, show and cancel workflows (a program run for a cadre or a cohort).",
        discussion: """
            A workflow plans every task of a program from a start date, in the village's local time.
            Example:
              kaderctl workflow start --cadre cdr_fp39puvngxs5te --start-date 2026-12-01
            """,
        subcommands: [Start.self, List.self, Show.self, Cancel.self]
    )

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start",
            abstract: "Start a program for one cadre, or for a cohort of cadres of one village.",
            discussion: """
                Plans every task of the program from the start date, in the village's local time, and \
                prints them.
                Examples:
                  kaderctl workflow start --cadre cdr_fp39puvngxs5te --start-date 2026-12-01
                  kaderctl workflow start --cadres cdr_fp39puvngxs5te,cdr_ygm69q4wnuy7wx \\
                    --start-date 2026-12-01 --program kpmd

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Option(help: ArgumentHelp("The cadre the workflow is for.", valueName: "ID"))
        var cadre: String?

        @Option(
            help: ArgumentHelp("A cohort: the ids of cadres of one village, comma-separated.", valueName: "ID,ID…"),
            transform: { $0.split(separator: ",").map { $0.trimmedOfSpaces } })
        var cadres: [String]?

        @Option(help: ArgumentHelp("The workflow's first day, in the village's calendar.", valueName: "YYYY-MM-DD"), transform: Day.parse)
        var startDate: Day

        @Option(help: ArgumentHelp("The program to run (default: kpmd).", valueName: "ID"))
        var program: String?

        // Not --version: that is every command's own flag, shown twice in --help beside this.
        @Option(name: .customLong("program-version"), help: "The program's version (default: the latest).")
        var version: Int?

        @Option(
            help: ArgumentHelp(
                "The facilitator who mentors this run: a registered one's id (fac_…), or a name as free text. "
                    + "Default: the one assigned to the village on the start date.",
                valueName: "ID|NAME"))
        var facilitator: String?

        func validate() throws {
            if (cadre == nil) == (cadres == nil) {
                throw ValidationError("give either --cadre ID or --cadres ID,ID…")
            }
            if cadres?.isEmpty == true { throw ValidationError("--cadres names no cadre") }
        }

        func run() throws {
            let global = kaderctl.global
            let params = WorkflowStartParams(
                program: program, version: version, cadre: cadre, cadres: cadres,
                facilitatorID: facilitator.flatMap { $0.hasPrefix("fac_") ? $0 : nil },
                facilitator: facilitator.flatMap { $0.hasPrefix("fac_") ? nil : $0 }, startDate: startDate.description)
            let reply = try global.withConnection { connection throws(ClientError) in
                try connection.fetch(.workflowStart, params, as: WorkflowDetail.self)
            }
            if global.json { return Output.json(reply.raw) }
            Output.print("Started \(reply.value.workflow.id) with \(reply.value.tasks.count) tasks")
            Output.print(reply.value.render())
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List workflows, filtered by region, state and cadre.",
            discussion: """
                Examples:
                  kaderctl workflow list --province 51 --state active
                  kaderctl workflow list --cadre cdr_fp39puvngxs5te

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl
        @OptionGroup var region: RegionFilters

        @Option(help: "Only workflows in this state: active, completed or cancelled.")
        var state: String?

        @Option(help: ArgumentHelp("Only workflows of this cadre.", valueName: "ID"))
        var cadre: String?

        @OptionGroup var paging: Paging

        func run() throws {
            let global = kaderctl.global
            var params = WorkflowListParams(
                province: region.province, regency: region.regency, district: region.district, village: region.village,
                state: state, cadre: cadre, limit: paging.limit)
            params.cursor = paging.cursor
            let list = try global.withConnection { connection throws(ClientError) in
                try connection.fetchList(.workflowList, params, as: WorkflowList.self, all: paging.all)
            }
            if global.json { return Output.json(list.raw) }
            var table = Table(["ID", "PROGRAM", "START", "STATE", "DONE", "CADRES", "VILLAGE"])
            for workflow in list.items {
                let progress = workflow.tasksTotal.map { "\(workflow.tasksDone ?? 0) of \($0)" } ?? "-"
                table.append([
                    workflow.id, "\(workflow.program)@\(workflow.programVersion)", workflow.startDate, workflow.state, progress,
                    Self.cadres(workflow), workflow.villageLabel,
                ])
            }
            Output.list(table, empty: "no workflow matches")
            paging.noteMore(list.nextCursor, of: "workflows")
        }

        /// `Ni Luh Ayu`, or for a cohort `Ni Luh Ayu, Made +3`.
        static func cadres(_ workflow: WorkflowInfo) -> String {
            let names = workflow.cadreNames ?? workflow.cadres
            return names.prefix(2).joined(separator: ", ") + (names.count > 2 ? " +\(names.count - 2)" : "")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a workflow with all its tasks, in the village's local time.",
            discussion: "Example: kaderctl workflow show wf_udhi8ny8u29wus\n\n" + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Argument(help: "The workflow's id (wf_…).")
        var id: String

        func run() throws {
            let global = kaderctl.global
            let reply = try global.withConnection { connection throws(ClientError) in
                try connection.fetch(.workflowGet, IDParams(id: id), as: WorkflowDetail.self)
            }
            if global.json { return Output.json(reply.raw) }
            Output.print(reply.value.workflow.id)
            Output.print(reply.value.render())
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel",
            abstract: "Cancel a workflow and every task of it that has not ended.",
            discussion: """
                Done tasks stay done. The reason is kept in the history.
                Example: kaderctl workflow cancel wf_udhi8ny8u29wus --reason "cadre moved away"

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Argument(help: "The workflow's id (wf_…).")
        var id: String

        @Option(help: "Why, for the history.")
        var reason: String?

        func run() throws {
            let global = kaderctl.global
            let reply = try global.withConnection { connection throws(ClientError) in
                try connection.fetch(.workflowCancel, ReasonParams(id: id, reason: reason), as: WorkflowDetail.self)
            }
            if global.json { return Output.json(reply.raw) }
            Output.print("Cancelled \(reply.value.workflow.id)")
            Output.print(reply.value.render())
        }
    }
}

extension WorkflowInfo {
    var villageLabel: String {
        villageName.isEmpty ? village : "\(villageName) (\(village))"
    }
}

extension WorkflowDetail {
    /// The workflow's facts, then its tasks in the order they open.
    func render() -> String {
        Output.facts([
            ("program", "\(workflow.program)@\(workflow.programVersion)"),
            ("village", "\(workflow.villageLabel), \(workflow.zone) (\(workflow.timeZone))"),
            ("cadres", workflow.cadres.joined(separator: ", ")),
            ("facilitator", workflow.facilitatorLabel),
            ("start", workflow.startDate),
            ("state", workflow.state),
        ]) + "\n\n" + TaskTable.table(tasks, showingVillage: false).render()
    }
}

extension WorkflowInfo {
    /// The registered facilitator's id, and a name kept from before the register.
    var facilitatorLabel: String {
        let parts = [facilitatorID, facilitator.isEmpty ? nil : facilitator].compactMap { $0 }
        return parts.isEmpty ? "(none named)" : parts.joined(separator: ", ")
    }
}
