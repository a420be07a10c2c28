import ArgumentParser

/// The region filters every list takes; the daemon checks each code is of its level.
struct RegionFilters: ParsableArguments {
    @Option(help: ArgumentHelp("Only within this province.", valueName: "CODE"))
    var province: String?

    @Option(help: ArgumentHelp("Only within this regency (kabupaten/kota), e.g. 51.03.", valueName: "CODE"))
    var regency: String?

    @Option(help: ArgumentHelp("Only within this district (kecamatan), e.g. 51.03.01.", valueName: "CODE"))
    var district: String?

    @Option(help: ArgumentHelp("Only in this village (desa/kelurahan), e.g. 51.03.01.2001.", valueName: "CODE"))
    var village: String?
}

/// How much of a list to fetch: one page, or every page.
struct Paging: ParsableArguments {
    @Option(help: "At most this many per page (the daemon's default is 100, its maximum 1000).")
    var limit: Int?

    @Flag(help: "Fetch every page, not only the first.")
    var all = false

    /// Said on stderr when a page was not the last, so nobody mistakes it for everything.
    func noteMore(_ nextCursor: String?, of what: String) {
        guard nextCursor != nil else { return }
        Output.error("more \(what) follow; add --all to list them all")
    }
}
