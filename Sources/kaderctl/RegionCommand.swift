import ArgumentParser
import KaderClient
import KaderRPC

/// `kaderctl region`: the Kemendagri regions kaderd knows, to find a village's code.
struct RegionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "region",
        abstract: "Find provinces, regencies, districts and villages, and their codes.",
        discussion: """
            Every cadre and task belongs to a village, named by its Kemendagri code (51.03.02.2001: \
            province 51, regency 51.03, district 51.03.02). Its province sets the time zone.
            Example:
              kaderctl region search mengwi
            """,
        subcommands: [Provinces.self, Search.self]
    )

    struct Provinces: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "provinces",
            abstract: "List the 38 provinces with their codes and time zones (WIB, WITA, WIT).",
            discussion: """
                Tasks are scheduled in the village's local time, which is its province's zone.
                Example: kaderctl region provinces

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        func run() throws {
            let global = kaderctl.global
            let reply = try global.withConnection { connection throws(ClientError) in
                try connection.fetch(.regionProvinces, EmptyParams(), as: ProvinceList.self)
            }
            if global.json { return Output.json(reply.raw) }
            var table = Table(["CODE", "PROVINCE", "ZONE", "TIME ZONE"])
            for province in reply.value.provinces {
                table.append([province.code, province.name, province.zone, province.timeZone])
            }
            Output.print(table.render())
        }
    }

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Search regions by name or by code prefix.",
            discussion: """
                Every word of a name must match; case and accents are ignored. A code prefix lists \
                the regions under it.
                Examples:
                  kaderctl region search ubud
                  kaderctl region search kuta --level village --within 51.03
                  kaderctl region search 51.03.01

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Argument(help: "A name (e.g. \"kuta\") or a code prefix (e.g. 51.03).")
        var query: String

        @Option(help: "Only regions of this level: province, regency, district or village.")
        var level: String?

        @Option(help: ArgumentHelp("Only regions within this region.", valueName: "CODE"))
        var within: String?

        @Option(help: "At most this many (the daemon's default is 20, its maximum 200).")
        var limit: Int?

        func run() throws {
            let global = kaderctl.global
            let params = RegionSearchParams(query: query, level: level, within: within, limit: limit)
            let reply = try global.withConnection { connection throws(ClientError) in
                try connection.fetch(.regionSearch, params, as: RegionList.self)
            }
            if global.json { return Output.json(reply.raw) }
            var table = Table(["CODE", "NAME", "LEVEL", "WITHIN"])
            for region in reply.value.regions {
                table.append([region.code, region.name, region.level, region.within.reversed().joined(separator: ", ")])
            }
            Output.list(table, empty: "no region matches '\(query)'")
        }
    }
}
