import Foundation
import KaderCore
import KaderEngine
import KaderTesting
import Testing

@Suite struct ProgramCatalogTests {
    let folder = TemporaryDirectory()

    private func write(_ name: String, _ text: String) throws {
        try text.write(toFile: folder.file(name), atomically: true, encoding: .utf8)
    }

    @Test func overridesTheBuiltInProgramWithAHigherVersionAndListsRefusals() throws {
        let newer = BundledPrograms.defaultProgramText.replacingOccurrences(of: "version = 1", with: "version = 2")
            .replacingOccurrences(of: "COUNT=6", with: "COUNT=4")
        try write("kpmd-v2.toml", newer)
        try write("broken.toml", "id = \"x\"\nversion = 1\ntitle = \"X\"\n\n[[steps]]\nid = \"a\"\nkind = \"training\"\n")
        try write("same.toml", BundledPrograms.defaultProgramText)
        try write("notes.txt", "not a program")
        let catalog = ProgramCatalog.load(folders: [folder.path, folder.file("missing")])
        #expect(catalog.entry(id: "kpmd")?.program.version == 2)
        #expect(catalog.entry(id: "kpmd", version: 1)?.source == BundledPrograms.defaultProgramSource)
        #expect(catalog.versions(of: "kpmd") == [1, 2])
        #expect(catalog.refusals.map(\.file) == [folder.file("broken.toml"), folder.file("same.toml")])
        #expect(catalog.refusals[0].description == "\(folder.file("broken.toml")):5: steps[0].title: is required")
        #expect(catalog.refusals[1].description.contains("is already defined by (built-in) kpmd.toml"))
    }

    @Test func loadsEveryBuiltInProgramAndFindsThoseForAKindOfVillage() throws {
        let catalog = ProgramCatalog.load(folders: [])
        #expect(catalog.refusals.isEmpty)
        #expect(catalog.latest.map(\.program.id) == ["kpm", "kpmd"])
        #expect(catalog.entry(id: "kpm")?.source == "(built-in) kpm.toml")
        #expect(catalog.latest(for: .desa).map(\.program.id) == ["kpm", "kpmd"])
        #expect(catalog.latest(for: .desaAdat).map(\.program.id) == ["kpm", "kpmd"])
        #expect(catalog.latest(for: .kelurahan).isEmpty, "no built-in program is for a kelurahan")

        // An operator's program that names no kinds is for every kind, kelurahan included.
        try write(
            "posyandu.toml",
            "id = \"posyandu\"\nversion = 1\ntitle = \"Posyandu\"\n\n[[steps]]\nid = \"a\"\nkind = \"training\"\ntitle = \"A\"\n")
        let withFolder = ProgramCatalog.load(folders: [folder.path])
        #expect(withFolder.latest(for: .kelurahan).map(\.program.id) == ["posyandu"])
    }
}
