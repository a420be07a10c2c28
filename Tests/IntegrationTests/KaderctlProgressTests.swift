import Foundation
import KaderClient
import KaderCore
import KaderRPC
import KaderTesting
import Testing

/// `kaderctl report progress` through the real binaries, and its HTML page rendered by a
/// real browser (Debian's chromium, headless).
@Suite struct KaderctlProgressTests {
    let badung = "51.03.02.2001"
    let gianyar = "51.04.01.2001"

    /// Two candidates in Badung and one in Gianyar; the first Badung cadre's workflow has
    /// its first three tasks recorded, the decree making her a KPMD.
    private func bali() async throws -> KaderdProcess {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        let start = TestCalendar.freeDay(atLeast: 1, in: "51")
        let today = TestCalendar.today(in: "51")
        try await onThread { [badung, gianyar] in
            let connection = try daemon.connect()
            let register = { (name: String, village: String) in
                try connection.call(
                    "cadre.register",
                    params: ["name": .string(name), "sex": "P", "birth_year": 1993, "field": "kesehatan", "village": .string(village)],
                    as: CadreBatch.self
                ).cadres[0].id
            }
            let first = try register("Ni Made Sari", badung)
            _ = try register("Ni Ketut Ayu", badung)
            _ = try register("Ni Wayan Rai", gianyar)
            let workflow = try connection.call(
                "workflow.start", params: ["program": "kpmd", "cadre": .string(first), "start_date": .string(start.description)],
                as: WorkflowDetail.self)
            for (index, task) in workflow.tasks.prefix(3).enumerated() {
                let records: JSONValue =
                    index == 2 ? ["decree_number": "141/3/2026", "decree_date": .string(today.description)] : [:]
                _ = try connection.call(
                    "task.complete",
                    params: ["id": .string(task.id), "records": records, "force": true, "reason": "recorded ahead in the test"])
            }
        }
        return daemon
    }

    @Test func printsATableWithBarsCSVAndJSON() async throws {
        let daemon = try await bali()
        let kaderctl = try Binaries.path("kaderctl")
        let badungName = try #require(RegionDirectory.shared.name(of: try RegionCode("51.03")))

        let shown = try await run(kaderctl, ["--socket", daemon.socket, "report", "progress", "--province", "bali"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let lines = shown.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Progress in Bali (51), as of ") == true, "\(shown.stdout)")
        #expect(lines.dropFirst().first?.hasPrefix("REGENCY") == true)
        let regencies = RegionDirectory.shared.children(of: try RegionCode("51"))
        #expect(lines.count == 2 + regencies.count + 1, "\(shown.stdout)")
        let badungRow = try #require(lines.first { $0.hasPrefix("51.03 \(badungName)") })
        let words = badungRow.dropFirst("51.03 \(badungName)".count).split(separator: " ")
        // DESA, WITH KPMD, the bar, CADRES 2, WORKFLOWS 1, DONE 3, MISSED 0, OVERDUE 0, ON TIME 100% and its full bar.
        let desa = try #require(Int(words[0]))
        #expect(desa > 1 && words[1] == "1", "\(badungRow)")
        #expect(Array(words[3...8]) == ["2", "1", "3", "0", "0", "100%"], "\(badungRow)")
        #expect(badungRow.contains("██████████"), "a full bar for the on-time rate: \(badungRow)")
        let total = try #require(lines.last)
        #expect(total.hasPrefix("TOTAL"), "\(total)")

        let sorted = try await run(kaderctl, ["--socket", daemon.socket, "report", "progress", "--province", "51", "--sort", "cadres"])
        #expect(sorted.stdout.split(separator: "\n").dropFirst(2).first?.hasPrefix("51.03 ") == true, "\(sorted.stdout)")

        let csv = try await run(kaderctl, ["--socket", daemon.socket, "report", "progress", "--province", "51", "--csv"])
        #expect(csv.status == 0)
        let records = csv.stdout.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(records.first)
        #expect(records.count == 1 + regencies.count + 1)
        let row = Dictionary(uniqueKeysWithValues: zip(header, try #require(records.first { $0.first == "51.03" })))
        #expect(row["cadres_candidate"] == "1" && row["cadres_active"] == "1", "\(row)")
        #expect(row["villages_with_kpmd"] == "1" && row["tasks_done"] == "3" && row["tasks_done_on_time"] == "3")
        #expect(row["active_workflows"] == "1" && row["on_time_rate"] == "1.0", "\(row)")
        let totals = Dictionary(uniqueKeysWithValues: zip(header, try #require(records.last)))
        #expect(totals["region_name"] == "Total" && totals["cadres_candidate"] == "2", "\(totals)")

        let json = try await run(kaderctl, ["--socket", daemon.socket, "--json", "report", "progress"])
        let report = try JSONParser.parse(json.stdout)
        #expect(report["row_level"] == "province")
        #expect(report["total"]?["cadres"]?["candidate"] == 2)
        #expect(report["rows"]?.arrayValue?.count == 38)
    }

    @Test func refusesWhatItCannotReportWithTheField() async throws {
        let daemon = try await KaderdProcess(directory: TemporaryDirectory())
        let kaderctl = try Binaries.path("kaderctl")
        let both = try await run(kaderctl, ["--socket", daemon.socket, "report", "progress", "--province", "51", "--regency", "51.03"])
        #expect(both.status == 64)
        #expect(both.stderr.contains("give only one of --province, --regency"), "\(both.stderr)")

        let tomorrow = TestCalendar.today(in: "91").adding(days: 2)
        let future = try await run(kaderctl, ["--socket", daemon.socket, "report", "progress", "--as-of", tomorrow.description])
        #expect(future.status == 65)
        #expect(future.stderr.contains("as_of: \(tomorrow) has not come yet"), "\(future.stderr)")

        let unknown = try await run(kaderctl, ["--socket", daemon.socket, "report", "progress", "--province", "99"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("province: no province has the code 99"), "\(unknown.stderr)")
    }

    @Test func theHTMLPageRendersInAHeadlessBrowserOnA4() async throws {
        let daemon = try await bali()
        let directory = TemporaryDirectory()
        let page = directory.file("kemajuan-bali.html")
        let written = try await run(
            try Binaries.path("kaderctl"), ["--socket", daemon.socket, "report", "progress", "--province", "51", "--html", page])
        #expect(written.status == 0, "\(written.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        // Self-contained: nothing fetched, nothing run.
        let outside = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        for reference in ["<script", "http:", "https:", "<link", "<img", "url("] {
            #expect(!outside.contains(reference), "\(reference) in the page")
        }

        // The browser runs on the real clock: under scripts/test-at, libfaketime in each of
        // chromium's processes made one page take minutes and slowed every test beside it.
        // A page with nothing that runs has no use for the clock.
        let chromium = ["-u", "LD_PRELOAD", "-u", "FAKETIME", "/usr/bin/chromium"]
        let browser = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(directory.file("profile"))"]
        let screenshot = directory.file("page.png")
        let shot = try await run(
            "/usr/bin/env", chromium + browser + ["--window-size=794,1300", "--screenshot=\(screenshot)", "file://\(page)"])
        #expect(shot.status == 0, "\(shot.stderr)")
        let ink = try await run("/usr/bin/python3", ["-c", Self.pngInk, screenshot])
        #expect(ink.status == 0, "\(ink.stderr)")
        let colours = Set(ink.stdout.split(separator: "\n").dropFirst().map(String.init))
        let inked = Double(ink.stdout.split(separator: "\n").first.map(String.init) ?? "") ?? 0
        #expect(inked > 0.01, "share of pixels that are not white: \(inked)")
        // The bars: the KPMD share (blue), the on-time rate (orange), tasks done by month (green).
        #expect(colours.isSuperset(of: ["2f6f9f", "e39b2d", "3c8d4f"]), "\(colours.sorted().prefix(40))")

        let pdf = directory.file("page.pdf")
        let printed = try await run(
            "/usr/bin/env", chromium + browser + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", "file://\(page)"])
        #expect(printed.status == 0, "\(printed.stderr)")
        let info = try await run("/usr/bin/pdfinfo", [pdf])
        #expect(info.stdout.contains("(A4)"), "\(info.stdout)")
        let text = try await run("/usr/bin/pdftotext", ["-layout", pdf, "-"])
        for phrase in ["Laporan Kemajuan Kaderisasi KPMD", "Provinsi Bali (51)", "Kabupaten/Kota", "Jumlah", "Tugas per bulan"] {
            #expect(text.stdout.contains(phrase), "\(phrase) in:\n\(text.stdout)")
        }
    }

    /// Reads a PNG (8-bit RGB or RGBA, not interlaced) with Python's standard library:
    /// prints the share of pixels that are not white, then each colour that fills at least
    /// 20 pixels, as hex.
    static let pngInk = """
        import sys, zlib, struct, collections
        data = open(sys.argv[1], 'rb').read()
        pos, idat = 8, b''
        while pos < len(data):
            length, kind = struct.unpack('>I4s', data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + length]
            if kind == b'IHDR':
                width, height, depth, colour = struct.unpack('>IIBB', body[:10])
            elif kind == b'IDAT':
                idat += body
            pos += 12 + length
        assert depth == 8 and colour in (2, 6), (depth, colour)
        bpp = 3 if colour == 2 else 4
        raw, stride = zlib.decompress(idat), width * bpp
        previous, counts, i = bytearray(stride), collections.Counter(), 0
        for _ in range(height):
            kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
            i += 1 + stride
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0
                b = previous[x]
                c = previous[x - bpp] if x >= bpp else 0
                if kind == 1: line[x] = (line[x] + a) & 255
                elif kind == 2: line[x] = (line[x] + b) & 255
                elif kind == 3: line[x] = (line[x] + (a + b) // 2) & 255
                elif kind == 4:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            for x in range(0, stride, bpp):
                counts[bytes(line[x:x + 3]).hex()] += 1
            previous = line
        print((width * height - counts['ffffff']) / (width * height))
        for colour, n in counts.items():
            if n >= 20: print(colour)
        """
}
