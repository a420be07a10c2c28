import ArgumentParser
import KaderClient
import KaderRPC

/// `kaderctl facilitator`: the Pendamping Desa, the villages they cover, and their agenda.
struct FacilitatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facilitator",
        abstract: "Register facilitators (Pendamping Desa), assign them villages, show their work.",
        discussion: """
            A facilitator covers villages, or a whole district, from a day: assignments change \
            every contract year. A workflow started in a village is mentored by the facilitator \
            assigned to it on its start date, unless `workflow start --facilitator ID` names one.
            Example:
              kaderctl facilitator register --name "Komang Ardana" --role pendamping_lokal_desa
              kaderctl facilitator assign fac_3nauvx2c4jd8qk --region 51.03.02.2001 --from 2027-01-01
            """,
        subcommands: [Register.self, List.self, Show.self, Update.self, Assign.self, Agenda.self]
    )

    /// The fields a person gives when registering or changing a facilitator.
    struct Fields: ParsableArguments {
        @Option(help: "Full name.")
        var name: String?

        @Option(help: "The post: pendamping_lokal_desa, pendamping_desa or tenaga_ahli.")
        var role: String?

        @Option(help: "Telephone; kept out of logs and the history.")
        var phone: String?

        @Option(help: "E-mail; kept out of logs and the history.")
        var email: String?

        @Option(help: "Villages they can attend in one day (default 1).")
        var capacity: Int?

        @Option(
            help: ArgumentHelp("Weekdays they work (default monday to friday).", valueName: "DAY,DAY…"),
            transform: { $0.split(separator: ",").map { $0.trimmedOfSpaces } })
        var workingDays: [String]?

        func params(id: String? = nil, reason: String? = nil) -> FacilitatorParams {
            FacilitatorParams(
                id: id, name: name, role: role, phone: phone, email: email, capacity: capacity, workingDays: workingDays,
                reason: reason)
        }
    }

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "register",
            abstract: "Register a facilitator.",
            discussion: """
                Example:
                  kaderctl facilitator register --name "Komang Ardana" --role pendamping_lokal_desa \\
                    --phone 0812-3456-7890 --working-days monday,tuesday,wednesday,thursday,friday

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl
        @OptionGroup var fields: Fields

        func validate() throws {
            if fields.name == nil || fields.role == nil { throw ValidationError("a facilitator needs --name and --role") }
        }

        func run() throws {
            let global = kaderctl.global
            let reply = try global.withConnection { connection throws(ClientError) in
                try connection.fetch(.facilitatorRegister, fields.params(), as: FacilitatorChange.self)
            }
            if global.json { return Output.json(reply.raw) }
            Output.print("Registered \(reply.value.facilitator.id): \(reply.value.facilitator.name)")
            Output.print(reply.value.facilitator.facts)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List facilitators in registration order.",
            discussion: "Example: kaderctl facilitator list --role pendamping_lokal_desa\n\n" + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Option(help: "Only this post: pendamping_lokal_desa, pendamping_desa or tenaga_ahli.")
        var role: String?

        func run() throws {
            let global = kaderctl.global
            let reply = try global.withConnection { connection throws(ClientError) in
                try connection.fetch(.facilitatorList, FacilitatorListParams(role: role), as: FacilitatorList.self)
            }
            if global.json { return Output.json(reply.raw) }
            var table = Table(["ID", "NAME", "ROLE", "CAPACITY", "WORKING DAYS"])
            for facilitator in reply.value.facilitators {
                table.append([
                    facilitator.id, facilitator.name, facilitator.roleTitle, "\(facilitator.capacity)/day",
                    facilitator.workingDays.map { String($0.prefix(3)) }.joined(separator: ","),
                ])
            }
            Output.list(table, empty: "no facilitator is registered")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a facilitator, the villages they cover and the history of changes.",
            discussion: "Example: kaderctl facilitator show fac_3nauvx2c4jd8qk\n\n" + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Argument(help: "The facilitator's id (fac_…).")
        var id: String

        func run() throws {
            let global = kaderctl.global
            let reply = try global.withConnection { connection throws(ClientError) in
                try connection.fetch(.facilitatorGet, IDParams(id: id), as: FacilitatorDetail.self)
            }
            if global.json { return Output.json(reply.raw) }
            let detail = reply.value
            Output.print("\(detail.facilitator.id): \(detail.facilitator.name)")
            Output.print(detail.facilitator.facts)
            var table = Table(["REGION", "FROM", "UNTIL"])
            for assignment in detail.assignments {
                let label = assignment.regionName.isEmpty ? assignment.region : "\(assignment.regionName) (\(assignment.region))"
                table.append([label, assignment.from, assignment.until ?? "—"])
            }
            Output.print("\n" + (detail.assignments.isEmpty ? "no village assigned" : table.render()))
            Output.print("\n" + HistoryTable.render(detail.history))
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Change the given fields of a facilitator.",
            discussion: """
                Example:
                  kaderctl facilitator update fac_3nauvx2c4jd8qk --capacity 2 --reason "kendaraan dinas"

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Argument(help: "The facilitator's id (fac_…).")
        var id: String

        @OptionGroup var fields: Fields

        @Option(help: "Why, for the history.")
        var reason: String?

        func validate() throws {
            if fields.params(id: id) == FacilitatorParams(id: id) {
                throw ValidationError("name at least one field to change (see --help)")
            }
        }

        func run() throws {
            let global = kaderctl.global
            let reply = try global.withConnection { connection throws(ClientError) in
                try connection.fetch(.facilitatorUpdate, fields.params(id: id, reason: reason), as: FacilitatorChange.self)
            }
            if global.json { return Output.json(reply.raw) }
            Output.print("Changed \(reply.value.facilitator.id): \(reply.value.facilitator.name)")
            Output.print(reply.value.facilitator.facts)
        }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assign",
            abstract: "Assign a village, or every village of a district, to a facilitator from a day.",
            discussion: """
                Another facilitator's assignment of the same region ends the day before, and the \
                region's active workflows pass to this facilitator (each workflow's history says so).
                Examples:
                  kaderctl facilitator assign fac_3nauvx2c4jd8qk --region 51.03.02.2001 --from 2027-01-01
                  kaderctl facilitator assign fac_3nauvx2c4jd8qk --region 51.03.02 --from 2027-01-01 \\
                    --until 2027-12-31 --reason "kontrak 2027"

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Argument(help: "The facilitator's id (fac_…).")
        var id: String

        @Option(help: ArgumentHelp("A village or district code.", valueName: "CODE"))
        var region: String

        @Option(help: ArgumentHelp("The first day covered.", valueName: "YYYY-MM-DD"), transform: Day.parse)
        var from: Day

        @Option(help: ArgumentHelp("The last day covered (default: until reassigned).", valueName: "YYYY-MM-DD"), transform: Day.parse)
        var until: Day?

        @Option(help: "Why, for the history.")
        var reason: String?

        func run() throws {
            let global = kaderctl.global
            let params = FacilitatorAssignParams(
                id: id, region: region, from: from.description, until: until?.description, reason: reason)
            let reply = try global.withConnection { connection throws(ClientError) in
                try connection.fetch(.facilitatorAssign, params, as: FacilitatorAssignResult.self)
            }
            if global.json { return Output.json(reply.raw) }
            let assigned = reply.value
            let label = assigned.assignment.regionName.isEmpty
                ? assigned.assignment.region : "\(assigned.assignment.regionName) (\(assigned.assignment.region))"
            Output.print("Assigned \(label) to \(id) from \(assigned.assignment.from)")
            for ended in assigned.ended { Output.print("  \(ended.facilitator) covers it until the day before") }
            for workflow in assigned.workflows { Output.print("  workflow \(workflow) now mentored by \(id)") }
        }
    }
}

extension FacilitatorCommand {
    struct Agenda: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "agenda",
            abstract: "A facilitator's tasks, day by day, each at its village's own time.",
            discussion: """
                Each day lists the tasks the facilitator attends: time and zone of the village \
                (WIB, WITA, WIT), village, step and cadres. `!` marks a task that did not fit their \
                week (capacity, working days): it kept its day, double-booked; `task show` says why. \
                Without --from and --to: the next 30 days. For their phone: `kaderctl calendar \
                export --facilitator ID > agenda.ics`.
                Example:
                  kaderctl facilitator agenda fac_3nauvx2c4jd8qk --from 2027-01-01 --to 2027-01-31

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Argument(help: "The facilitator's id (fac_…).")
        var id: String

        @Option(help: ArgumentHelp("The first day (default today).", valueName: "YYYY-MM-DD"), transform: Day.parse)
        var from: Day?

        @Option(help: ArgumentHelp("The last day (default 30 days after the first).", valueName: "YYYY-MM-DD"), transform: Day.parse)
        var to: Day?

        func validate() throws {
            if let from, let to, to < from { throw ValidationError("--to \(to) is before --from \(from)") }
        }

        func run() throws {
            let global = kaderctl.global
            let params = FacilitatorAgendaParams(id: id, from: from?.description, to: to?.description)
            let reply = try global.withConnection { connection throws(ClientError) in
                try connection.fetch(.facilitatorAgenda, params, as: FacilitatorAgenda.self)
            }
            if global.json { return Output.json(reply.raw) }
            let agenda = reply.value
            Output.print("Agenda of \(agenda.facilitator.name) (\(agenda.facilitator.id)), \(agenda.from) to \(agenda.to)")
            guard !agenda.items.isEmpty else { return Output.print("no task in these days") }
            var day = ""
            for item in agenda.items {
                let task = item.task
                let local = LocalTime.display(task.windowStart, zone: task.zone)
                let itemDay = String(local.prefix(10))
                if itemDay != day {
                    day = itemDay
                    Output.print("\n" + [LocalTime.weekdayName(of: day), day].compactMap { $0 }.joined(separator: " "))
                }
                let mark = task.conflict == nil ? " " : "!"
                let cadres = item.cadres.isEmpty ? "" : "  (\(item.cadres.joined(separator: ", ")))"
                Output.print("  \(mark) \(local.dropFirst(11))  \(task.villageLabel)  \(task.label)\(cadres)")
            }
        }
    }
}

extension FacilitatorInfo {
    var roleTitle: String {
        switch role {
        case "pendamping_lokal_desa": "Pendamping Lokal Desa"
        case "pendamping_desa": "Pendamping Desa"
        case "tenaga_ahli": "Tenaga Ahli"
        default: role
        }
    }

    var facts: String {
        Output.facts([
            ("role", roleTitle),
            ("phone", phone),
            ("email", email),
            ("capacity", "\(capacity) village\(capacity == 1 ? "" : "s") a day"),
            ("works", workingDays.joined(separator: ", ")),
            ("registered", MachineTime.display(registeredAt)),
        ])
    }
}
