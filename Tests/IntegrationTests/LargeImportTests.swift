import Foundation
import KaderClient
import KaderRPC
import KaderTesting
import Testing

/// A province's sheet, larger than one request (1 MiB): kaderctl sends it in chunks that
/// kaderd checks and keeps (`cadre.import_stage`), then registers it in one transaction
/// (`cadre.import_commit`), all or none, as it does a small one.
@Suite struct LargeImportTests {
    static let rows = 3_500
    static let villages = ["51.03.02.2001", "51.03.01.1002", "51.03.02.2002", "51.71.01.1001"]

    /// A long Keterangan, so that a sheet of few rows (a quick commit, on PostgreSQL too) is
    /// more than one request can hold.
    static let notes = String(repeating: "Kader posyandu dan pendamping kelompok ibu; ", count: 6)

    /// The sheet's text; `bad` rows (0-based) name a village that does not exist.
    static func sheet(bad: Set<Int> = []) -> String {
        var text = "name,sex,birth_year,field,village,address,notes\n"
        for row in 0..<rows {
            let village = bad.contains(row) ? "51.03.99.2999" : villages[row % villages.count]
            text += "Kader Nomor \(row),\(row % 2 == 0 ? "P" : "L"),\(1970 + row % 30),kesehatan,\(village),\"Banjar Dinas Kaja Kangin \(row % 50), Jalan Raya\",\(Self.notes)\n"
        }
        return text
    }

    @Test func aSheetLargerThanOneRequestIsImportedAllOrNone() async throws {
        let ctl = try await KaderctlSession()
        let sheet = Self.sheet(bad: [5, 3_300])
        #expect(sheet.utf8.count > RPCFraming.maxLineBytes, "the sheet is more than one request can hold")

        // A bad row in the first chunk and one in the last: both named by line, no one registered.
        let refused = try await ctl.run(["import", "cadres", try ctl.file("kader.csv", sheet)])
        #expect(refused.status == 65, "\(refused.stderr.prefix(2000))")
        let path = ctl.daemon.directory.file("kader.csv")
        #expect(refused.stderr.contains("\(path):7: village: "), "\(refused.stderr.prefix(2000))")
        #expect(refused.stderr.contains("\(path):3302: village: "), "\(refused.stderr.prefix(2000))")
        #expect(refused.stderr.hasSuffix("2 problems in \(path); nothing was imported\n"), "\(refused.stderr.suffix(500))")
        #expect(try await registered(ctl) == 0)

        // Corrected: every row registered, the table lists each line with its new id.
        let good = try ctl.file("kader.csv", Self.sheet())
        let imported = try await ctl.run(["import", "cadres", good])
        #expect(imported.status == 0, "\(imported.stderr.prefix(2000))")
        let lines = imported.stdout.split(separator: "\n")
        #expect(lines.first == "Imported \(Self.rows) cadres from \(good)")
        #expect(lines.count == Self.rows + 2)
        // No progress bar where nobody watches: stderr is a pipe here.
        #expect(imported.stderr.isEmpty, "\(imported.stderr.prefix(500))")
        #expect(try await registered(ctl) == Self.rows)
        let last = try #require(lines.last?.split(separator: " ", omittingEmptySubsequences: true))
        #expect(last[0] == "\(Self.rows + 1)")
        let cadre = try await ctl.json(["cadre", "show", String(last[1])])
        #expect(cadre["cadre"]?["name"] == .string("Kader Nomor \(Self.rows - 1)"))

        // The same sheet again, by a person at a terminal (script(1) gives kaderctl one): a bar
        // of the rows checked, then every row refused as someone registered; still all or none.
        let command = [ctl.executable, "--socket", ctl.daemon.socket, "import", "cadres", good].joined(separator: " ")
        let again = try await run("/usr/bin/script", ["-qec", command, "/dev/null"])
        #expect(again.status == 81, "\(again.stdout.suffix(500))")
        #expect(again.stdout.contains("] 3,500 of 3,500 rows checked"), "\(again.stdout.prefix(500))")
        #expect(again.stdout.contains("\(good):\(Self.rows + 1): name: "), "\(again.stdout.suffix(500))")
        #expect(try await registered(ctl) == Self.rows)
    }

    /// The chunk protocol itself, as a script would use it: a chunk sent again (a resent call)
    /// is kept once, a gap or a wrong count is refused and registers no one.
    @Test func aChunkSentAgainIsKeptOnceAndAGapOrAWrongCountIsRefused() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        try await onThread {
            let connection = try daemon.connect()
            func chunk(_ first: Int, _ count: Int) -> JSONValue {
                .array((first..<first + count).map { row in
                    ["name": .string("Kader \(row)"), "sex": "P", "birth_year": 1990, "field": "kesehatan",
                     "village": .string(Self.villages[row % Self.villages.count])]
                })
            }
            func stage(_ name: String, _ first: Int, _ count: Int) throws -> CadreImportStaged {
                try connection.call(
                    "cadre.import_stage", params: ["import": .string(name), "first": .number(JSONNumber(first)), "cadres": chunk(first, count)],
                    as: CadreImportStaged.self)
            }
            #expect(try stage("one", 0, 3).staged == 3)
            #expect(try stage("one", 0, 3).staged == 3, "the chunk sent again is not kept twice")
            #expect(try stage("one", 3, 2).staged == 5)
            let gap = try #require(throws: ClientError.self) { try stage("one", 9, 1) }
            #expect(gap.refusal?.fields.first?.field == "first", "\(gap)")
            let committed = try connection.call(
                "cadre.import_commit", params: ["import": "one", "rows": 5], as: CadreImportCommitted.self)
            #expect(committed.imported == 5 && Set(committed.ids).count == 5)
            let closed = try #require(throws: ClientError.self) {
                try connection.call("cadre.import_commit", params: ["import": "one", "rows": 5])
            }
            #expect(closed.refusal?.kind == .notFound, "a commit closes the import")

            _ = try stage("two", 0, 2)
            let short = try #require(throws: ClientError.self) {
                try connection.call("cadre.import_commit", params: ["import": "two", "rows": 4])
            }
            #expect(short.refusal?.fields.first?.field == "rows", "\(short)")
            let listed = try connection.call("cadre.list", params: ["limit": 100], as: CadreList.self)
            #expect(listed.cadres.count == 5, "only the committed import registered anyone")

            let malformed = try #require(throws: ClientError.self) {
                try connection.call("cadre.import_stage", params: ["import": "no spaces", "first": 0, "cadres": chunk(0, 1)])
            }
            #expect(malformed.refusal?.fields.first?.field == "import", "\(malformed)")
        }
    }

    private func registered(_ ctl: KaderctlSession) async throws -> Int {
        try await ctl.json(["cadre", "list", "--all"])["cadres"]?.arrayValue?.count ?? -1
    }
}

extension ClientError {
    /// What the daemon refused the call with, when it did.
    fileprivate var refusal: RPCError? {
        if case .remote(let error) = self { error } else { nil }
    }
}
