import ArgumentParser
import KaderClient
import KaderRPC

/// `kaderctl blackouts`: the days on which no task opens in a place, where each comes from,
/// and (`--affected`) the planned tasks that fall on one, to be moved by hand.
struct BlackoutsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blackouts",
        abstract: "List the blackouts of a place in a year (shipped holidays, blackout files, plugins), or the tasks on them.",
        discussion: """
            Lists what applies anywhere in the region given: the nation's holidays, the province's days \
            and those of its regencies, districts and villages, each with its source (holidays.csv, a \
            blackout file and line, a plugin). A shipped holiday a blackout file takes back is listed as \
            removed. Blackout files kaderd refused are listed after the table.
            With --affected: the scheduled and due tasks whose window opens on a blackout (this year and \
            later, unless --year), so that they can be moved with kaderctl task reschedule.
            Example: kaderctl blackouts --regency 51.03 --year 2027

            """ + GlobalOptions.helpNote
    )

    @ParentCommand var kaderctl: Kaderctl

    @OptionGroup var region: RegionFilters

    @Option(help: "The year to list (default: this year in the region).")
    var year: Int?

    @Flag(help: "List the scheduled and due tasks that open on a blackout instead.")
    var affected = false

    func validate() throws {
        if [region.province, region.regency, region.district, region.village].allSatisfy({ $0 == nil }) {
            throw ValidationError("give --province, --regency, --district or --village: blackouts differ by place")
        }
    }

    func run() throws {
        let global = kaderctl.global
        let params = BlackoutListParams(
            province: region.province, regency: region.regency, district: region.district, village: region.village,
            year: year, affected: affected ? true : nil)
        let reply = try global.withConnection { connection throws(ClientError) in
            try connection.fetch(.blackoutList, params, as: BlackoutList.self)
        }
        if global.json { return Output.json(reply.raw) }
        let list = reply.value
        let place = "\(list.regionName) (\(list.region))"
        let days = list.through.map { "\(list.from) to \($0)" } ?? "from \(list.from) on"
        if let tasks = list.affected {
            var table = Table(["ID", "OPENS", "STATE", "TASK", "VILLAGE", "BLACKOUT"])
            for entry in tasks {
                let task = entry.task
                table.append([
                    task.id, LocalTime.display(task.windowStart, zone: task.zone), task.state, task.label, task.villageLabel,
                    entry.blackout,
                ])
            }
            Output.list(table, empty: "no scheduled or due task opens on a blackout in \(place), \(days)")
            if !tasks.isEmpty {
                Output.print("move one with: kaderctl task reschedule ID --to YYYY-MM-DD[THH:MM] --reason …")
            }
        } else {
            var table = Table(["DAY(S)", "NAME", "SCOPE", "SOURCE"])
            for blackout in list.blackouts {
                table.append([
                    Self.days(blackout, zone: list.zone), blackout.removal ? "\(blackout.name) (removed)" : blackout.name,
                    Self.scope(blackout), blackout.reference.map { "\(blackout.source) (\($0))" } ?? blackout.source,
                ])
            }
            Output.list(table, empty: "no blackouts in \(place), \(days)")
        }
        let refused = Dictionary(grouping: list.refused, by: \.file)
        for file in refused.keys.sorted() {
            let problems = refused[file] ?? []
            let kept = problems.contains(where: \.keptPrevious) ? " (its previous blackouts stay in use)" : ""
            Output.print("\nrefused: \(file)\(kept)")
            for problem in problems { Output.print("  \(problem.text)") }
        }
    }

    /// `2027-03-10`, `2027-03-09 – 2027-03-12`, or `2027-03-19 06:00 – 2027-03-20 06:00 WITA`.
    static func days(_ blackout: BlackoutInfo, zone: String) -> String {
        if blackout.wholeDays {
            return blackout.from == blackout.until ? blackout.from : "\(blackout.from) – \(blackout.until)"
        }
        return "\(LocalTime.display(blackout.from, zone: "")) – \(LocalTime.display(blackout.until, zone: zone))"
    }

    /// `nation`, or `regency 51.03 Badung`.
    static func scope(_ blackout: BlackoutInfo) -> String {
        guard let region = blackout.region else { return blackout.scope }
        return ["\(blackout.scope) \(region)", blackout.regionName].compactMap { $0 }.joined(separator: " ")
    }
}
