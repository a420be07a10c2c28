import ArgumentParser
// Not all of Foundation: it would link ICU into kaderctl and slow every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import KaderClient
import KaderRPC

/// `kaderctl calendar`: the tasks as a calendar file, for the phones of the people who do them.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Export tasks as a calendar file (iCalendar, .ics) for phones and calendar programs.",
        discussion: """
            Example:
              kaderctl calendar export --village 51.03.02.2001 > agenda.ics
            """,
        subcommands: [Export.self]
    )

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the tasks of a village, a workflow or a facilitator as an iCalendar file (RFC 5545).",
            discussion: """
                One event per task, at the village's own time (a phone elsewhere shows it in its own \
                zone, at the same moment), named after the step and the village, with the cadres, \
                the task's state and its id in the notes. Cancelled tasks stay in the file, marked \
                cancelled. --from and --to are days in the village's calendar, both included. The \
                file goes to standard output, byte for byte (CRLF line ends), or to --output FILE.

                To put the agenda on a phone, open the file there (sent as an attachment, or from \
                the phone's files), or import it into the calendar program the phone syncs with. \
                Importing a newer export of the same tasks updates their events instead of adding \
                them twice: a rescheduled task moves, a cancelled one shows as cancelled.
                Examples:
                  kaderctl calendar export --village 51.03.02.2001 > agenda.ics
                  kaderctl calendar export --workflow wf_udhi8ny8u29wus --output agenda.ics
                  kaderctl calendar export --facilitator fac_3nauvx2c4jd8qk > komang.ics
                  kaderctl calendar export --village 91.03.01.2004 --from 2026-12-01 --to 2026-12-31

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Option(help: ArgumentHelp("Every task in this village (its code).", valueName: "CODE"))
        var village: String?

        @Option(help: ArgumentHelp("Every task of this workflow.", valueName: "ID"))
        var workflow: String?

        @Option(help: ArgumentHelp("Every task this facilitator attends: their agenda for their phone.", valueName: "ID"))
        var facilitator: String?

        @Option(
            help: ArgumentHelp("Only tasks opening on or after this day.", valueName: "YYYY-MM-DD"), transform: Day.parse)
        var from: Day?

        @Option(
            help: ArgumentHelp("Only tasks opening on or before this day.", valueName: "YYYY-MM-DD"), transform: Day.parse)
        var to: Day?

        @Option(help: ArgumentHelp("Write the file here instead of to standard output.", valueName: "FILE"))
        var output: String?

        func validate() throws {
            let scopes = [
                village.map { _ in "--village" }, workflow.map { _ in "--workflow" }, facilitator.map { _ in "--facilitator" },
            ].compactMap { $0 }
            if scopes.isEmpty { throw ValidationError("give --village CODE, --workflow ID or --facilitator ID") }
            if scopes.count > 1 { throw ValidationError("give only one of \(scopes.joined(separator: ", "))") }
            if let from, let to, to < from { throw ValidationError("--to \(to) is before --from \(from)") }
            if output != nil && kaderctl.global.json { throw ValidationError("choose --output or --json, not both") }
        }

        func run() throws {
            let global = kaderctl.global
            let params = CalendarExportParams(
                village: village, workflow: workflow, facilitator: facilitator, from: from?.description, to: to?.description)
            let reply = try global.withConnection { connection throws(ClientError) in
                try connection.fetch(.calendarExport, params, as: CalendarExport.self)
            }
            if global.json { return Output.json(reply.raw) }
            let export = reply.value
            if export.events == 0 { Output.error("no task matches: the calendar has no events") }
            guard let output else { return Output.write(export.calendar) }
            do {
                try AtomicFile.write(Array(export.calendar.utf8), to: output)
            } catch {
                throw CommandFailure(kind: nil, message: "cannot write \(output): \(error)").report()
            }
            Output.progress("wrote \(export.events) events to \(output)")
        }
    }
}
