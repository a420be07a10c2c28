/// A blackout file that was refused as a whole: half a file's blackouts would leave the
/// operator guessing which half is in force. Every problem found is listed, each as
/// `file:line: message`, so the file can be fixed in one go.
public struct BlackoutFileRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var problems: [BlackoutFileProblem]

    public init(file: String, problems: [BlackoutFileProblem]) {
        self.file = file
        self.problems = problems
    }

    /// Each problem as `file:line: message`, the form editors and terminals jump to.
    public var lines: [String] {
        problems.map { problem in "\(file):" + (problem.line.map { "\($0):" } ?? "") + " \(problem.message)" }
    }

    public var description: String { lines.joined(separator: "\n") }
}
