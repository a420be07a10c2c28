import Foundation
import KaderCore
import KaderEngine
import KaderTesting
import Testing

/// The blackout folders as a reload reads them: each file on its own, a broken one keeping
/// what it held before. The dates go to no clock, only to the shipped data.
@Suite struct BlackoutFileSetTests {
    let munggu = try! RegionCode("51.03.02.2001")
    let nine = try! LocalDateTime(parsing: "2027-11-16T09:00:00")

    private func load(_ folders: [String], previous: BlackoutFileSet? = nil) -> (BlackoutFileSet, BlackoutCalendar) {
        BlackoutFileSet.load(folders: folders, onto: .national, previous: previous, regions: .shared)
    }

    private func day(_ name: String, regency: String = "51.03") -> String {
        "[[blackout]]\nname = \"\(name)\"\nfrom = \"2027-11-16\"\nregencies = [\"\(regency)\"]\n"
    }

    @Test func aBrokenFileKeepsWhatItHeldBeforeAndANewBrokenFileIsRefused() throws {
        let directory = TemporaryDirectory()
        let folder = directory.path
        try day("Hari Jadi").write(toFile: folder + "/a.toml", atomically: true, encoding: .utf8)
        try day("Lain", regency: "51.04").write(toFile: folder + "/b.toml", atomically: true, encoding: .utf8)
        try "not a blackout file".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
        let (first, calendar) = load([folder, directory.file("missing")])
        #expect(first.files.map(\.path) == [folder + "/a.toml", folder + "/b.toml"])
        #expect(first.refusals.isEmpty, "a missing folder and other files are no error")
        #expect(calendar.blackout(at: nine, in: munggu)?.name == "Hari Jadi")

        // a.toml is broken while renamed; c.toml is new and broken; b.toml is deleted.
        try day("Hari Jadi (baru)", regency: "51").write(toFile: folder + "/a.toml", atomically: true, encoding: .utf8)
        try day("Baru", regency: "5").write(toFile: folder + "/c.toml", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: folder + "/b.toml")
        let (second, after) = load([folder], previous: first)
        #expect(second.refusals.map(\.file) == [folder + "/a.toml", folder + "/c.toml"])
        #expect(second.refusals[0].lines == ["\(folder)/a.toml:4: regencies: 51 is a province code; regencies takes regency codes"])
        #expect(second.keptPrevious == [folder + "/a.toml"])
        #expect(second.files.map(\.path) == [folder + "/a.toml"])
        #expect(after.blackout(at: nine, in: munggu)?.name == "Hari Jadi", "the previous content stays in use")
        #expect(after.blackout(at: nine, in: try RegionCode("51.04.05.1005")) == nil, "a deleted file's blackouts go")

        // Fixed, the new content replaces the old.
        try day("Hari Jadi (baru)").write(toFile: folder + "/a.toml", atomically: true, encoding: .utf8)
        let (third, fixed) = load([folder], previous: second)
        #expect(third.keptPrevious.isEmpty)
        #expect(fixed.blackout(at: nine, in: munggu)?.name == "Hari Jadi (baru)")
    }
}
