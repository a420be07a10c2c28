import ArgumentParser
import KaderClient
import KaderRPC

/// `kaderctl schedule preview`: the occurrences of a rule, in the local time of a zone or a
/// province, so a program author sees what a rule does before the program ships.
struct SchedulePreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "List the occurrences of a recurrence rule in a zone's or a province's local time.",
        discussion: """
            With --province the province's blackouts (national holidays, cuti bersama, its own days) apply: \
            an occurrence on one moves to the next allowed day at the same time, and is marked. With \
            --regency, --district or --village, the blackouts there apply: those of the region and of \
            every region around it (a regency's own anniversary, say), so a day can be tried there and \
            outside.
            Example: kaderctl schedule preview --rule 'FREQ=MONTHLY;BYDAY=1TU;COUNT=6' --start 2026-01-06T09:00 --province 51

            """ + GlobalOptions.helpNote
    )

    @ParentCommand var kaderctl: Kaderctl
    var global: GlobalOptions { kaderctl.global }

    @Option(help: "An RFC 5545 recurrence rule, e.g. FREQ=MONTHLY;BYDAY=1TU;COUNT=6.")
    var rule: String

    @Option(help: "The first occurrence, in local time: YYYY-MM-DDTHH:MM[:SS].")
    var start: String

    @Option(help: "WIB, WITA, WIT or an IANA time zone, e.g. Asia/Jayapura (no blackouts applied).")
    var zone: String?

    @Option(help: "A province code, e.g. 51: its zone, with its blackouts applied.")
    var province: String?

    @Option(help: ArgumentHelp("A regency code, e.g. 51.03: with the blackouts that apply there.", valueName: "CODE"))
    var regency: String?

    @Option(help: ArgumentHelp("A district code, e.g. 51.03.02: with the blackouts that apply there.", valueName: "CODE"))
    var district: String?

    @Option(help: ArgumentHelp("A village code, e.g. 51.03.02.2001: with the blackouts that apply there.", valueName: "CODE"))
    var village: String?

    @Option(help: "At most this many occurrences (default 10, at most 500).")
    var count: Int?

    func validate() throws {
        let region = [province, regency, district, village].contains { $0 != nil }
        if (zone == nil) == !region {
            throw ValidationError("give exactly one of --zone and --province (or --regency, --district, --village)")
        }
    }

    func run() throws {
        var params: JSONObject = ["rule": .string(rule), "start": .string(start)]
        if let zone { params["zone"] = .string(zone) }
        if let province { params["province"] = .string(province) }
        if let regency { params["regency"] = .string(regency) }
        if let district { params["district"] = .string(district) }
        if let village { params["village"] = .string(village) }
        if let count { params["count"] = .number(JSONNumber(count)) }
        let (raw, preview) = try global.withConnection { connection throws(ClientError) in
            let raw = try connection.call(RPCMethodDescriptor.schedulePreview.name, params: .object(params))
            return (raw, try? raw.decode(SchedulePreview.self))
        }
        if global.json {
            Output.json(raw)
            return
        }
        guard let preview else {
            throw CommandFailure(kind: .internalError, message: "kaderd sent a preview this kaderctl cannot read: \(raw)").report()
        }
        Output.print(SchedulePreviewText.render(preview))
    }
}
