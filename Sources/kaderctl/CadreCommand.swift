import ArgumentParser
import KaderClient
import KaderRPC

/// `kaderctl cadre`: the KPMD register of each village.
struct CadreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cadre",
        abstract: "Register, list, show and change cadres (KPMD).",
        discussion: """
            A cadre (KPMD) is registered as a candidate, made active by the SK Kepala Desa and \
            graduates as Kader Desa; every change is kept in its history.
            Example:
              kaderctl cadre list --village 51.03.02.2001
            """,
        subcommands: [Register.self, List.self, Show.self, Update.self]
    )

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "register",
            abstract: "Register one cadre in a village's register.",
            discussion: """
                A new cadre is a candidate until the SK Kepala Desa appoints them. To register many \
                at once, all or none, use `kaderctl import cadres FILE.csv`.
                Example:
                  kaderctl cadre register --name "Ni Luh Putu Ayu" --sex P --birth-year 1994 \\
                    --field kesehatan --village 51.03.01.2001 --education SMA \\
                    --course Posyandu --course "Kader Posyandu"

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl
        @OptionGroup var fields: CadreFieldOptions

        func validate() throws {
            let missing = fields.missingForRegistration
            guard missing.isEmpty else {
                throw ValidationError("missing \(missing.joined(separator: ", ")): a cadre needs all of them")
            }
        }

        func run() throws {
            let global = kaderctl.global
            let params = CadreRegisterParams(single: fields.registration)
            let reply = try global.withConnection { connection throws(ClientError) in
                try connection.fetch(.cadreRegister, params, as: CadreBatch.self)
            }
            if global.json { return Output.json(reply.raw) }
            for cadre in reply.value.cadres {
                Output.print("Registered \(cadre.id): \(cadre.name)")
                Output.print(cadre.facts)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List cadres in registration order, filtered by region and status.",
            discussion: """
                Examples:
                  kaderctl cadre list --village 51.03.01.2001
                  kaderctl cadre list --province 91 --status active --all

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl
        @OptionGroup var region: RegionFilters

        @Option(help: "Only cadres in this status: candidate, active, graduated or inactive.")
        var status: String?

        @OptionGroup var paging: Paging

        func run() throws {
            let global = kaderctl.global
            let params = CadreListParams(
                province: region.province, regency: region.regency, district: region.district, village: region.village,
                status: status, limit: paging.limit)
            let list = try global.withConnection { connection throws(ClientError) in
                try connection.fetchList(.cadreList, params, as: CadreList.self, all: paging.all)
            }
            if global.json { return Output.json(list.raw) }
            var table = Table(["ID", "NAME", "SEX", "BORN", "FIELD", "STATUS", "VILLAGE"])
            for cadre in list.items {
                table.append([
                    cadre.id, cadre.name, cadre.sexLetter, String(cadre.birthYear), cadre.field, cadre.status,
                    cadre.villageLabel,
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
            Output.print("\(cadre.id): \(cadre.name)")
            Output.print(cadre.facts)
            Output.print("\n" + HistoryTable.render(reply.value.history))
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Change the given fields of a cadre; the others stay as they are.",
            discussion: """
                Giving --course replaces the whole list of courses.
                Example:
                  kaderctl cadre update cdr_fp39puvngxs5te --status inactive --notes pindah

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Argument(help: "The cadre's id (cdr_…).")
        var id: String

        @OptionGroup var fields: CadreFieldOptions

        func validate() throws {
            guard fields.update(id: id) != CadreUpdateParams(id: id) else {
                throw ValidationError("name at least one field to change (see --help)")
            }
        }

        func run() throws {
            let global = kaderctl.global
            let reply = try global.withConnection { connection throws(ClientError) in
                try connection.fetch(.cadreUpdate, fields.update(id: id), as: CadreInfo.self)
            }
            if global.json { return Output.json(reply.raw) }
            Output.print("Changed \(reply.value.id): \(reply.value.name)")
            Output.print(reply.value.facts)
        }
    }
}

extension CadreInfo {
    /// The register's own letter: L (laki-laki) or P (perempuan).
    var sexLetter: String {
        switch sex {
        case "male": "L"
        case "female": "P"
        default: sex
        }
    }

    var villageLabel: String {
        villageName.isEmpty ? village : "\(villageName) (\(village))"
    }

    var facts: String {
        Output.facts([
            ("sex", "\(sexLetter) (\(sex))"),
            ("born", String(birthYear)),
            ("education", education),
            ("courses", courses.joined(separator: "; ")),
            ("field", field),
            ("village", villageLabel),
            ("address", address),
            ("status", status),
            ("notes", notes),
            ("registered", UTC.display(registeredAt)),
        ])
    }
}
