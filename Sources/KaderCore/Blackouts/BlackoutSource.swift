/// Where kaderd learnt of a blackout, so that a listing says whom to ask about it and
/// where to change it: the data shipped with kaderd, an operator's file, or a plugin.
public enum BlackoutSource: Sendable, Hashable, CustomStringConvertible {
    /// The national holidays and cuti bersama built into kaderd (`holidays.csv`).
    case shipped
    /// An operator's blackout file, at the line of the entry (its `[[blackout]]` header
    /// when the entry spans lines).
    case file(path: String, line: Int?)
    /// A province plugin, by its name.
    case plugin(String)

    /// `shipped`, `file` or `plugin`, for scripts to branch on.
    public var kind: String {
        switch self {
        case .shipped: "shipped"
        case .file: "file"
        case .plugin: "plugin"
        }
    }

    /// The line of a file's entry; nil for the other sources.
    public var line: Int? {
        guard case .file(_, let line) = self else { return nil }
        return line
    }

    /// `holidays.csv`, `/etc/kaderd/blackouts/badung.toml:3` or `plugin bali`.
    public var description: String {
        switch self {
        case .shipped: BlackoutCalendar.holidaysFile
        case .file(let path, let line): line.map { "\(path):\($0)" } ?? path
        case .plugin(let name): "plugin \(name)"
        }
    }
}
