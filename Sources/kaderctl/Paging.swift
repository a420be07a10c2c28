import ArgumentParser

/// How much of a list to fetch: one page, or every page.
struct Paging: ParsableArguments {
    @Option(help: "At most this many per page (the daemon's default is 100, its maximum 1000).")
    var limit: Int?

    @Flag(help: "Fetch every page, not only the first.")
    var all = false

    @Option(help: "Start at this page: the cursor a listing cut short printed.")
    var cursor: String?

    /// Said on stderr when a page was not the last, so nobody mistakes it for everything.
    func noteMore(_ nextCursor: String?, of what: String) {
        Self.noteMore(nextCursor, of: what)
    }

    static func noteMore(_ nextCursor: String?, of what: String) {
        guard let nextCursor else { return }
        Output.error("more \(what) follow; add --all to list them all, or --cursor \(nextCursor) for the next page")
    }
}
