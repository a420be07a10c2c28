import CKaderData

/// The programs shipped inside kaderd, so a fresh install can start workflows at once:
/// `kpmd`, the default, and `kpm`, the Kader Pembangunan Manusia of the stunting
/// convergence. Their files are `Sources/CKaderData/programs/*.toml`, embedded by
/// kader_data.c, and checked by the tests, so parsing them cannot fail.
public enum BundledPrograms {
    /// The name the default program's text is known by in messages.
    public static let defaultProgramSource = "(built-in) kpmd.toml"

    public static var defaultProgramText: String {
        text(kader_default_program_toml_bytes(), count: kader_default_program_toml_size)
    }

    /// The default KPMD program.
    public static func defaultProgram() throws(ProgramFile.Refusal) -> Program {
        try ProgramFile.parse(defaultProgramText, file: defaultProgramSource)
    }

    /// The id of every built-in program, the default first.
    public static let ids = ["kpmd", "kpm"]

    /// The text of a built-in program and the name it is known by in messages; nil for an
    /// id that is not built in.
    public static func file(id: String) -> (text: String, source: String)? {
        switch id {
        case "kpmd": (defaultProgramText, defaultProgramSource)
        case "kpm": (text(kader_kpm_program_toml_bytes(), count: kader_kpm_program_toml_size), "(built-in) kpm.toml")
        default: nil
        }
    }

    /// A built-in program by id; nil for an id that is not built in.
    public static func program(id: String) throws(ProgramFile.Refusal) -> Program? {
        guard let file = file(id: id) else { return nil }
        return try ProgramFile.parse(file.text, file: file.source)
    }

    private static func text(_ bytes: UnsafePointer<UInt8>, count: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
}
