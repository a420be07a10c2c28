import ArgumentParser
import KaderClient
import KaderRPC

/// `kaderctl task`: the scheduled work itself, and recording what happened.
///
/// Named `TaskCommand` so it never shadows Swift's own `Task`.
struct TaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task",
        abstract: "List tasks and record what happened: start, complete, cancel, reschedule.",
        discussion: """
            A task moves scheduled → due → (in_progress) → done, or ends missed, cancelled or failed.
            Example:
              kaderctl task list --province 51 --next-month
            """,
        subcommands: [List.self, Show.self, Start.self, Complete.self, Cancel.self, Reschedule.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List tasks in the order their windows open, in each village's local time.",
            discussion: """
                --from and --to are days in the listed region's calendar (WIB when no region is \
                given), both included. --next-month lists from the first to the last day of next \
                month, by this machine's calendar.
                Examples:
                  kaderctl task list --province 51 --next-month
                  kaderctl task list --village 91.03.01.2001 --state scheduled,due \\
                    --from 2026-12-01 --to 2026-12-31
                  kaderctl task list --workflow wf_udhi8ny8u29wus

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl
        @OptionGroup var region: RegionFilters

        @Option(help: ArgumentHelp(
            "Only tasks in these states: scheduled, due, in_progress, done, missed, cancelled, failed.",
            valueName: "STATE[,STATE…]"))
        var state: String?

        @Option(help: ArgumentHelp("Only tasks of this workflow.", valueName: "ID"))
        var workflow: String?

        @Option(help: ArgumentHelp("Only tasks this facilitator attends.", valueName: "ID"))
        var facilitator: String?

        @Flag(help: "Only tasks that did not fit their facilitator's week (marked ! in the table).")
        var conflicts = false

        @Option(help: ArgumentHelp("Only windows opening on or after this day.", valueName: "YYYY-MM-DD"), transform: Day.parse)
        var from: Day?

        @Option(help: ArgumentHelp("Only windows opening on or before this day.", valueName: "YYYY-MM-DD"), transform: Day.parse)
        var to: Day?

        @Flag(help: "Only windows opening next month (instead of --from and --to).")
        var nextMonth = false

        @OptionGroup var paging: Paging

        func validate() throws {
            if nextMonth && (from != nil || to != nil) {
                throw ValidationError("--next-month already sets the days; leave out --from and --to")
            }
            if let from, let to, to < from { throw ValidationError("--to \(to) is before --from \(from)") }
        }

        /// The days asked for; `to` includes its day, in the daemon as here.
        var range: (from: Day?, until: Day?) {
            guard nextMonth else { return (from, to) }
            let first = Day.today().firstOfNextMonth
            return (first, first.lastOfMonth)
        }

        func run() throws {
            let global = kaderctl.global
            var params = TaskListParams(
                province: region.province, regency: region.regency, district: region.district, village: region.village,
                state: state, workflow: workflow, from: range.from?.description, to: range.until?.description,
                facilitator: facilitator, conflicts: conflicts ? true : nil, limit: paging.limit)
            params.cursor = paging.cursor
            let list = try global.withConnection { connection throws(ClientError) in
                try connection.fetchList(.taskList, params, as: TaskList.self, all: paging.all)
            }
            if global.json { return Output.json(list.raw) }
            Output.list(TaskTable.table(list.items), empty: "no task matches")
            paging.noteMore(list.nextCursor, of: "tasks")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one task, what was recorded for it, and the history of its changes.",
            discussion: "Example: kaderctl task show tsk_ywa6qieqjfdjix\n\n" + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Argument(help: "The task's id (tsk_…).")
        var id: String

        func run() throws {
            let global = kaderctl.global
            let reply = try global.withConnection { connection throws(ClientError) in
                try connection.fetch(.taskGet, IDParams(id: id), as: TaskDetail.self)
            }
            if global.json { return Output.json(reply.raw) }
            Output.print("\(reply.value.task.id): \(reply.value.task.label)")
            Output.print(reply.value.task.facts)
            Output.print("\n" + HistoryTable.render(reply.value.history))
        }
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start",
            abstract: "Mark a task in progress.",
            discussion: """
                A task starts once the tasks of the steps it comes after have ended (done, missed, \
                cancelled or failed): the training waits for the SK Kepala Desa. When it really \
                began earlier, say so with --force and a --reason; the history keeps both.
                Example:
                  kaderctl task start tsk_ywa6qieqjfdjix

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Argument(help: "The task's id (tsk_…).")
        var id: String

        @OptionGroup var forcing: Forcing

        func run() throws {
            let params = TaskStartParams(id: id, force: forcing.force ? true : nil, reason: forcing.reason)
            try TaskCommand.change(kaderctl.global, .taskStart, params, done: "is in progress")
        }
    }

    /// `--force --reason`: recording what happened out of the program's order.
    struct Forcing: ParsableArguments {
        @Flag(help: "Even though the steps this task comes after have not ended; needs --reason.")
        var force = false

        @Option(help: "Why, for the history; required with --force.")
        var reason: String?

        func validate() throws {
            if force, (reason ?? "").allSatisfy(\.isWhitespace) {
                throw ValidationError("--force needs a --reason: say why, for the history")
            }
        }
    }

    struct Complete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "complete",
            abstract: "Mark a task done, recording what its step requires.",
            discussion: """
                The decree step (SK Kepala Desa) requires decree_number and decree_date; completing it \
                makes the cadres active, and completing the program's last task (the evaluation) makes them completed. \
                `kaderctl program show kpmd` lists what each step records: only those keys are \
                taken, and a date is YYYY-MM-DD, not after today in the village.

                A task is done once the tasks of the steps it comes after have ended (done, missed, \
                cancelled or failed): the training after the decree. When it really happened \
                earlier, say so with --force and a --reason; the history keeps both.
                Examples:
                  kaderctl task complete tsk_ywa6qieqjfdjix --note "12 peserta hadir"
                  kaderctl task complete tsk_js5tfbs7d8gavr \\
                    --record decree_number=141/07/2026 --record decree_date=2026-12-20

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Argument(help: "The task's id (tsk_…).")
        var id: String

        @Option(
            name: .customLong("record"),
            help: ArgumentHelp("Something the step records, e.g. decree_number=141/07/2026; repeat for each.", valueName: "KEY=VALUE"),
            transform: Record.parse)
        var records: [Record] = []

        @Option(help: "A remark, kept with the records.")
        var note: String?

        @OptionGroup var forcing: Forcing

        func validate() throws {
            let keys = records.map(\.key)
            if let twice = keys.first(where: { key in keys.filter { $0 == key }.count > 1 }) {
                throw ValidationError("--record \(twice)= is given twice")
            }
        }

        func run() throws {
            let params = TaskCompleteParams(
                id: id, records: records.isEmpty ? nil : Dictionary(uniqueKeysWithValues: records.map { ($0.key, $0.value) }),
                note: note, force: forcing.force ? true : nil, reason: forcing.reason)
            try TaskCommand.change(kaderctl.global, .taskComplete, params, done: "is done")
        }

        struct Record {
            var key: String
            var value: String

            static func parse(_ text: String) throws -> Record {
                guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                    throw ValidationError("expected KEY=VALUE, e.g. decree_number=141/07/2026")
                }
                return Record(key: String(text[..<equals]), value: String(text[text.index(after: equals)...]))
            }
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel",
            abstract: "Cancel a task that has not ended.",
            discussion: """
                Example:
                  kaderctl task cancel tsk_ywa6qieqjfdjix --reason "merged with the next visit"

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Argument(help: "The task's id (tsk_…).")
        var id: String

        @Option(help: "Why, for the history.")
        var reason: String?

        func run() throws {
            try TaskCommand.change(kaderctl.global, .taskCancel, ReasonParams(id: id, reason: reason), done: "is cancelled")
        }
    }

    struct Reschedule: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reschedule",
            abstract: "Move a scheduled or due task to a new start, keeping the length of its window.",
            discussion: """
                The new start is in the village's local time. A date alone keeps the time of day. \
                A task of a repeating step stays between its neighbours (visit 2 after visit 1 and \
                before visit 3). A start on a blackout (a national holiday, Nyepi in Bali) is \
                refused, naming it; --force with a --reason moves it there all the same.
                Examples:
                  kaderctl task reschedule tsk_ywa6qieqjfdjix --to 2027-01-12 --reason "banjir"
                  kaderctl task reschedule tsk_ywa6qieqjfdjix --to 2027-01-12T13:30

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Argument(help: "The task's id (tsk_…).")
        var id: String

        @Option(help: ArgumentHelp("The new start, in the village's time.", valueName: "YYYY-MM-DD[THH:MM]"), transform: LocalStart.parse)
        var to: LocalStart

        @Option(help: "Why, for the history; required with --force.")
        var reason: String?

        @Flag(help: "Onto a blackout all the same; needs --reason.")
        var force = false

        func validate() throws {
            if force, (reason ?? "").allSatisfy(\.isWhitespace) {
                throw ValidationError("--force needs a --reason: say why, for the history")
            }
        }

        func run() throws {
            let params = TaskRescheduleParams(id: id, start: to.description, reason: reason, force: force ? true : nil)
            try TaskCommand.change(kaderctl.global, .taskReschedule, params, done: "is rescheduled")
        }
    }

    /// One change to one task; the daemon answers with the task as it now is.
    static func change(_ global: GlobalOptions, _ method: RPCMethodDescriptor, _ params: some Encodable, done: String) throws {
        let reply = try global.withConnection { connection throws(ClientError) in
            try connection.fetch(method, params, as: TaskChange.self)
        }
        if global.json { return Output.json(reply.raw) }
        Output.print("\(reply.value.task.id) \(done): \(reply.value.task.label)")
        Output.print(reply.value.task.facts)
    }
}

extension TaskInfo {
    var facts: String {
        var rows = [
            ("state", state),
            ("starts", LocalTime.display(windowStart, zone: zone)),
            ("ends", LocalTime.display(windowEnd, zone: zone)),
            ("village", "\(villageLabel), \(timeZone)"),
            ("workflow", workflow),
            ("step", "\(step) (\(kind))"),
            ("facilitator", facilitator ?? ""),
            ("conflict", conflict ?? ""),
        ]
        rows += records.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return Output.facts(rows)
    }
}
