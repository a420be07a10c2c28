import Foundation
import KaderCore

/// The operators' blackout files of the configured folders, as last read, and what became
/// of each: in use, or refused with its problems.
///
/// A file that loaded before and is broken now keeps its previous blackouts: an operator
/// saving a half-edited file, or a typo in one date, must not take a regency's anniversary
/// off the calendar (and let tasks be planned onto it) until the next good save. A new
/// broken file is simply refused; a deleted file's blackouts go, as deleting is deliberate.
public struct BlackoutFileSet: Sendable {
    /// The files in use, in the order read: folder by folder, by name within a folder.
    public private(set) var files: [BlackoutFile] = []
    /// The files refused this time, each with every problem found.
    public private(set) var refusals: [BlackoutFileRefusal] = []
    /// The refused files whose previous content is still in use.
    public private(set) var keptPrevious: Set<String> = []

    public init() {}

    /// Reads every `*.toml` of `folders` (a folder that does not exist is where files
    /// would go, and no error) and applies each to `calendar`, in order. A file that fails
    /// to parse or to apply is refused; if `previous` had it in use, that content is
    /// applied instead. Returns the calendar with every file in use applied. `regions`,
    /// for checking the codes a file names, is read only when there is a file to check.
    public static func load(
        folders: [String], onto calendar: BlackoutCalendar, previous: BlackoutFileSet?,
        regions: @autoclosure () -> RegionDirectory
    ) -> (BlackoutFileSet, BlackoutCalendar) {
        var set = BlackoutFileSet()
        var calendar = calendar
        for folder in folders {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder)
            } catch {
                if FileManager.default.fileExists(atPath: folder) {
                    let problem = BlackoutFileProblem(line: nil, message: "the folder cannot be read")
                    set.refusals.append(BlackoutFileRefusal(file: folder, problems: [problem]))
                }
                continue
            }
            for name in names.sorted() where name.hasSuffix(".toml") {
                let path = (folder as NSString).appendingPathComponent(name)
                do throws(BlackoutFileRefusal) {
                    let file = try read(path, regions: regions())
                    try calendar.apply(file)
                    set.files.append(file)
                } catch {
                    set.refusals.append(error)
                    if let old = previous?.files.first(where: { $0.path == path }), (try? calendar.apply(old)) != nil {
                        set.files.append(old)
                        set.keptPrevious.insert(path)
                    }
                }
            }
        }
        return (set, calendar)
    }

    private static func read(_ path: String, regions: RegionDirectory) throws(BlackoutFileRefusal) -> BlackoutFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BlackoutFileRefusal(file: path, problems: [BlackoutFileProblem(line: nil, message: "the file cannot be read")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw BlackoutFileRefusal(file: path, problems: [BlackoutFileProblem(line: nil, message: "the file is not UTF-8 text")])
        }
        return try BlackoutFile.parse(text, path: path, regions: regions)
    }
}
