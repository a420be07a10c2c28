/// One thing wrong in a blackout file, with the line it stands on (nil when it has none,
/// such as a file that cannot be read).
public struct BlackoutFileProblem: Sendable, Hashable, CustomStringConvertible {
    public var line: Int?
    public var message: String

    public init(line: Int?, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { (line.map { "line \($0): " } ?? "") + message }
}
