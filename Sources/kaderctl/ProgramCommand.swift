import ArgumentParser
import KaderClient
import KaderRPC

/// `kaderctl program`: the curricula a workflow can run, and their steps.
struct ProgramCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "program",
        abstract: "List the programs (cadre-development curricula) and show their steps.",
        discussion: """
            A program is the versioned template a workflow follows; kpmd (the default) and kpm \
            are built in. Each runs in the kinds of village it names (kelurahan, desa, desa adat).
            Example:
              kaderctl program show kpmd
            """,
        subcommands: [List.self, Show.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the programs that can be started, and any program file kaderd refused.",
            discussion: """
                The default program is kpmd. A refused file is listed with the reason, so an operator \
                can fix it.
                Example: kaderctl program list

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        func run() throws {
            let global = kaderctl.global
            let reply = try global.withConnection { connection throws(ClientError) in
                try connection.fetch(.programList, EmptyParams(), as: ProgramList.self)
            }
            if global.json { return Output.json(reply.raw) }
            var table = Table(["ID", "VERSION", "STEPS", "TITLE", "SOURCE"])
            for program in reply.value.programs {
                table.append([program.id, String(program.version), String(program.steps.count), program.title, program.source])
            }
            Output.print(table.render())
            for refusal in reply.value.refused {
                Output.print("\nrefused: \(refusal.file)")
                for problem in refusal.problems { Output.print("  \(problem)") }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a program with its steps: order, timing, recurrence and what each records.",
            discussion: """
                OFFSET is the days after the steps it follows (AFTER), or after the start date; \
                DAYS is how long each task stays open.
                Example: kaderctl program show kpmd

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Argument(help: "The program id, e.g. kpmd.")
        var id: String

        // Not --version: that is every command's own flag, shown twice in --help beside this.
        @Option(name: .customLong("program-version"), help: "A version of the program (default: the latest).")
        var version: Int?

        func run() throws {
            let global = kaderctl.global
            let reply = try global.withConnection { connection throws(ClientError) in
                try connection.fetch(.programGet, ProgramGetParams(id: id, version: version), as: ProgramInfo.self)
            }
            if global.json { return Output.json(reply.raw) }
            let program = reply.value
            Output.print("\(program.title) (\(program.id), version \(program.version))")
            // desa_adat as a person writes it: desa adat.
            let villages = program.villageKinds.map { String($0.map { $0 == "_" ? " " : $0 }) }
            Output.print(
                Output.facts([
                    ("summary", program.summary),
                    ("villages", villages.joined(separator: ", ")),
                    ("versions", program.versions.map(String.init).joined(separator: ", ")),
                    ("source", program.source),
                ]))
            var table = Table(["STEP", "KIND", "AFTER", "OFFSET", "DAYS", "TIME", "REPEATS", "RECORDS", "TITLE"])
            for step in program.steps {
                table.append([
                    step.id, step.kind, step.after.joined(separator: ","), String(step.offsetDays),
                    String(step.durationDays), step.time, step.recurrence ?? "", step.records.joined(separator: ","),
                    step.title,
                ])
            }
            Output.print("\n" + table.render())
        }
    }
}
