import ArgumentParser
import KaderClient
import KaderRPC

/// `kaderctl cadre`: the KPMD register of each village.
struct CadreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cadre",
        abstract: "Register, list, show, correct and withdraw cadres (KPMD).",
        discussion: """
            A cadre (KPMD) is registered as a candidate, made active by the SK Kepala Desa, and \
            completed when their program's last task is done; every change is kept in its history. A wrong field is \
            corrected with `update --reason`; a registration entered in error is withdrawn with \
            `withdraw`. Nothing is ever deleted from the history.
            Example:
              kaderctl cadre list --village 51.03.02.2001
            """,
        subcommands: [Register.self, List.self, Show.self, Update.self, Withdraw.self]
    )

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "register",
            abstract: "Register one cadre in a village's register.",
            discussion: """
                A new cadre is a candidate until the SK Kepala Desa appoints them. To register many \
                at once, all or none, use `kaderctl import cadres FILE.csv`.

                Someone whose name (case and accents ignored), sex, birth year and village match a \
                registered cadre is refused as a duplicate, naming that cadre; if they really are \
                two people, register again with --allow-duplicate.
                Example:
                  kaderctl cadre register --name "Ni Luh Putu Ayu" --sex P --birth-year 1994 \\
                    --field kesehatan --village 51.03.02.2001 --education SMA \\
                    --course Posyandu --course "Kader Posyandu"

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl
        @OptionGroup var fields: CadreFieldOptions

        @Flag(help: "Register although a cadre with the same name, sex, birth year and village exists: another person.")
        var allowDuplicate = false

        func validate() throws {
            let missing = fields.missingForRegistration
            guard missing.isEmpty else {
                throw ValidationError("missing \(missing.joined(separator: ", ")): a cadre needs all of them")
            }
        }

        func run() throws {
            let global = kaderctl.global
            let params = CadreRegisterParams(single: fields.fields, allowDuplicate: allowDuplicate ? true : nil)
            let reply = try global.withConnection { connection throws(ClientError) in
                try connection.fetch(.cadreRegister, params, as: CadreBatch.self)
            }
            if global.json { return Output.json(reply.raw) }
            for cadre in reply.value.cadres {
                Output.print("Registered \(cadre.id): \(cadre.name ?? "")")
                Output.print(cadre.facts)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List cadres in registration order, filtered by region and status.",
            discussion: """
                Withdrawn registrations are not in the register; --withdrawn lists them instead.
                Examples:
                  kaderctl cadre list --village 51.03.02.2001
                  kaderctl cadre list --province 91 --status active --all
                  kaderctl cadre list --village 51.03.02.2001 --withdrawn

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl
        @OptionGroup var region: RegionFilters

        @Option(help: "Only cadres in this status: candidate, active, completed or inactive.")
        var status: String?

        @Flag(help: "List the withdrawn registrations instead of the register.")
        var withdrawn = false

        @OptionGroup var paging: Paging

        func run() throws {
            let global = kaderctl.global
            var params = CadreListParams(
                province: region.province, regency: region.regency, district: region.district, village: region.village,
                status: status, withdrawn: withdrawn ? true : nil, limit: paging.limit)
            params.cursor = paging.cursor
            let list = try global.withConnection { connection throws(ClientError) in
                try connection.fetchList(.cadreList, params, as: CadreList.self, all: paging.all)
            }
            if global.json { return Output.json(list.raw) }
            var table = Table(["ID", "NAME", "SEX", "BORN", "FIELD", "STATUS", "VILLAGE"])
            for cadre in list.items {
                table.append([
                    cadre.id, cadre.name ?? "", cadre.sexLetter, cadre.birthYear.map(String.init) ?? "", cadre.field ?? "",
                    cadre.status ?? "", cadre.villageLabel,
                ])
            }
            Output.list(table, empty: "no cadre matches")
            paging.noteMore(list.nextCursor, of: "cadres")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one cadre with the history of every change.",
            discussion: "Example: kaderctl cadre show cdr_fp39puvngxs5te\n\n" + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Argument(help: "The cadre's id (cdr_…).")
        var id: String

        func run() throws {
            let global = kaderctl.global
            let reply = try global.withConnection { connection throws(ClientError) in
                try connection.fetch(.cadreGet, IDParams(id: id), as: CadreDetail.self)
            }
            if global.json { return Output.json(reply.raw) }
            let cadre = reply.value.cadre
            Output.print("\(cadre.id): \(cadre.name ?? "")")
            Output.print(cadre.facts)
            Output.print("\n" + HistoryTable.render(reply.value.history))
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Correct or change the given fields of a cadre; the others stay as they are.",
            discussion: """
                Any field can be corrected; the history keeps each old value, and --reason says \
                why. Giving --course replaces the whole list of courses. A cadre in an active \
                workflow cannot change village (a cohort is the cadres of one village): finish or \
                cancel the workflow first. The Buku Kader of the village left keeps the cadre's \
                row, with where they went. A registration entered in error is withdrawn instead \
                (`kaderctl cadre withdraw`).
                Examples:
                  kaderctl cadre update cdr_fp39puvngxs5te --name "Ni Luh Putu Ayu" --reason "salah ketik"
                  kaderctl cadre update cdr_fp39puvngxs5te --status inactive --notes pindah

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Argument(help: "The cadre's id (cdr_…).")
        var id: String

        @OptionGroup var fields: CadreFieldOptions

        @Option(help: "Why, for the history, e.g. \"salah ketik nama\".")
        var reason: String?

        func validate() throws {
            guard fields.fields != CadreFields() else {
                throw ValidationError("name at least one field to change (see --help)")
            }
        }

        func run() throws {
            let global = kaderctl.global
            let params = CadreUpdateParams(id: id, fields: fields.fields, reason: reason)
            let reply = try global.withConnection { connection throws(ClientError) in
                try connection.fetch(.cadreUpdate, params, as: CadreChange.self)
            }
            if global.json { return Output.json(reply.raw) }
            Output.print("Changed \(reply.value.cadre.id): \(reply.value.cadre.name ?? "")")
            Output.print(reply.value.cadre.facts)
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "withdraw",
            abstract: "Withdraw a registration entered in error.",
            discussion: """
                The cadre leaves the register (cadre list, the Buku Kader and its numbering) but \
                stays in the history, with the reason; `cadre show` still shows them. Their active \
                workflows are cancelled, or, in a cohort, go on without them. To correct a field \
                instead, use `kaderctl cadre update --reason`.
                Example:
                  kaderctl cadre withdraw cdr_fp39puvngxs5te --reason "duplikat impor"

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Argument(help: "The cadre's id (cdr_…).")
        var id: String

        @Option(help: "Why the registration was wrong, for the history (required).")
        var reason: String

        func validate() throws {
            if reason.allSatisfy(\.isWhitespace) { throw ValidationError("--reason must say why the registration was wrong") }
        }

        func run() throws {
            let global = kaderctl.global
            let reply = try global.withConnection { connection throws(ClientError) in
                try connection.fetch(.cadreWithdraw, ReasonParams(id: id, reason: reason), as: CadreWithdrawResult.self)
            }
            if global.json { return Output.json(reply.raw) }
            let cadre = reply.value.cadre
            Output.print("Withdrew the registration of \(cadre.id): \(cadre.name ?? "")")
            for workflow in reply.value.cancelledWorkflows { Output.print("  workflow \(workflow) cancelled") }
            for workflow in reply.value.leftWorkflows { Output.print("  left the cohort of workflow \(workflow)") }
        }
    }
}

extension CadreInfo {
    /// The register's own letter: L (laki-laki) or P (perempuan).
    var sexLetter: String {
        switch fields.sex {
        case "male": "L"
        case "female": "P"
        default: fields.sex ?? ""
        }
    }

    var villageLabel: String {
        let village = fields.village ?? ""
        return villageName.isEmpty ? village : "\(villageName) (\(village))"
    }

    var facts: String {
        Output.facts([
            ("sex", "\(sexLetter) (\(fields.sex ?? ""))"),
            ("born", fields.birthYear.map(String.init) ?? ""),
            ("education", fields.education ?? ""),
            ("courses", (fields.courses ?? []).joined(separator: "; ")),
            ("field", fields.field ?? ""),
            ("village", villageLabel),
            ("address", fields.address ?? ""),
            ("status", fields.status ?? ""),
            ("notes", fields.notes ?? ""),
            ("registered", MachineTime.display(registeredAt)),
        ] + (withdrawnAt.map { [("withdrawn", "\(MachineTime.display($0)): \(withdrawalReason ?? "")")] } ?? []))
    }
}
