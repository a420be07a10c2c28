/// Why the reference data could not be loaded, and where: the file and its line, so the
/// person updating the data goes straight to the row.
public struct RegionDataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `provinces.csv`, `wilayah.csv` or `holidays.csv`.
    public let file: String
    /// One-based, counting the header as line 1.
    public let line: Int
    public let reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(file) line \(line): \(reason)" }
}
