import CKaderData

/// The programs shipped inside kaderd, so a fresh install can start workflows at once.
public enum BundledPrograms {
    /// The name the default program's text is known by in messages.
    public static let defaultProgramSource = "(built-in) kpmd.toml"

    public static var defaultProgramText: String {
        String(
            decoding: UnsafeBufferPointer(start: kader_default_program_toml_bytes(), count: kader_default_program_toml_size),
            as: UTF8.self)
    }

    /// The default KPMD program. Its file is checked by the tests, so parsing cannot fail.
    public static func defaultProgram() throws(ProgramFile.Refusal) -> Program {
        try ProgramFile.parse(defaultProgramText, file: defaultProgramSource)
    }
}
