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
                Every word of a name must match; case and accents are ignored. A code prefix (with or \
                without its dots: 51.03 or 5103) lists the regions under it. Levels may be named in \
                Indonesian too: provinsi, kabupaten/kota, kecamatan, and desa or kelurahan (which also \
                choose the kind of village). --within takes a code or a name only one region has.
                Examples:
                  kaderctl region search ubud
                  kaderctl region search kuta --level desa --within badung
                  kaderctl region search 5103022001

                """ + GlobalOptions.helpNote
        )

        @ParentCommand var kaderctl: Kaderctl

        @Argument(help: "A name (e.g. \"kuta\") or a code prefix (e.g. 51.03).")
        var query: String

        @Option(help: "Only regions of this level: province, regency, district, village, or provinsi, kabupaten, kota, kecamatan, desa, kelurahan.")
        var level: String?

        @Option(help: ArgumentHelp("Only regions within this one: a code or a name (e.g. mengwi).", valueName: "REGION"))
        var within: String?

        @Option(help: "At most this many per page (the daemon's default is 20, its maximum 200).")
        var limit: Int?

        @Flag(help: "Fetch every page, not only the first.")
        var all = false

        @Option(help: "Start at this page: the cursor a search cut short printed.")
        var cursor: String?

        func run() throws {
            let global = kaderctl.global
            var params = RegionSearchParams(query: query, level: level, within: within, limit: limit, cursor: cursor)
            let (raw, regions, next) = try global.withConnection { connection throws(ClientError) in
                var raw: [JSONValue] = []
                var regions: [RegionInfo] = []
                while true {
                    let page = try connection.fetch(.regionSearch, params, as: RegionList.self)
                    raw += page.raw["regions"]?.arrayValue ?? []
                    regions += page.value.regions
                    guard all, let next = page.value.nextCursor else { return (raw, regions, page.value.nextCursor) }
                    params.cursor = next
                }
            }
            if global.json { return Output.json(["regions": .array(raw), "next_cursor": next.map(JSONValue.string) ?? .null]) }
            var table = Table(["CODE", "NAME", "LEVEL", "WITHIN"])
            for region in regions {
                table.append([region.code, region.name, region.level, region.within.reversed().joined(separator: ", ")])
            }
            Output.list(table, empty: "no region matches '\(query)'")
            Paging.noteMore(next, of: "regions")
        }
    }
}
