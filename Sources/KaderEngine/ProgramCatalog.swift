import Foundation
import KaderCore

/// Every program kaderd can start: the built-in ones and those in the configured folders.
///
/// A workflow names its program's id and version; starting without a version takes the
/// latest. Files that fail validation are kept out and listed in `refusals`, each with the
/// file, line and reason, while the rest load.
public struct ProgramCatalog: Sendable {
    public struct Entry: Sendable, Hashable {
        public var program: Program
        /// The file it came from, for `program.get` and error messages.
        public var source: String
    }

    private var entries: [String: [Int: Entry]] = [:]
    public private(set) var refusals: [ProgramFile.Refusal] = []

    public init() {}

    /// The built-in programs (`BundledPrograms.ids`) plus every `*.toml` file of `folders`,
    /// in name order.
    public static func load(folders: [String]) -> ProgramCatalog {
        var catalog = ProgramCatalog()
        for id in BundledPrograms.ids {
            guard let file = BundledPrograms.file(id: id) else { continue }
            do {
                catalog.add(try ProgramFile.parse(file.text, file: file.source), source: file.source)
            } catch {
                catalog.refusals.append(error)
            }
        }
        for folder in folders {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder)
            } catch {
                // A folder that does not exist is no error: it is where programs would go.
                if FileManager.default.fileExists(atPath: folder) {
                    catalog.refusals.append(
                        ProgramFile.Refusal(
                            file: folder, problems: [.init(line: nil, field: "folder", message: "cannot be read")]))
                }
                continue
            }
            for name in names.sorted() where name.hasSuffix(".toml") {
                let path = (folder as NSString).appendingPathComponent(name)
                catalog.loadFile(path)
            }
        }
        return catalog
    }

    private mutating func loadFile(_ path: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            refusals.append(.init(file: path, problems: [.init(line: nil, field: "file", message: "cannot be read")]))
            return
        }
        do {
            add(try ProgramFile.parse(String(decoding: data, as: UTF8.self), file: path), source: path)
        } catch {
            refusals.append(error)
        }
    }

    /// Adds a program unless its id and version are taken, which is a refusal naming both files.
    public mutating func add(_ program: Program, source: String) {
        if let existing = entries[program.id]?[program.version] {
            refusals.append(
                .init(
                    file: source,
                    problems: [
                        .init(
                            line: 1, field: "version",
                            message:
                                "program '\(program.id)' version \(program.version) is already defined by \(existing.source); give this one a higher version"
                        )
                    ]))
            return
        }
        entries[program.id, default: [:]][program.version] = Entry(program: program, source: source)
    }

    /// The given version, or the latest when `version` is nil.
    public func entry(id: String, version: Int? = nil) -> Entry? {
        guard let versions = entries[id] else { return nil }
        if let version { return versions[version] }
        return versions.max { $0.key < $1.key }?.value
    }

    /// The latest version of every program, by id.
    public var latest: [Entry] {
        entries.keys.sorted().compactMap { entry(id: $0) }
    }

    /// The latest version of every program that can run in a village of `kind`, by id.
    public func latest(for kind: RegionCode.VillageKind) -> [Entry] {
        latest.filter { $0.program.isFor(kind) }
    }

    /// Every version of one program, oldest first.
    public func versions(of id: String) -> [Int] {
        (entries[id]?.keys).map { $0.sorted() } ?? []
    }
}
