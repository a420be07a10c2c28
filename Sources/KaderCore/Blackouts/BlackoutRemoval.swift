/// A shipped national holiday that no longer holds, in the nation or in a region: the
/// government revises cuti bersama by a new SKB, and a day that was off becomes a working
/// day. Only the shipped data can be taken back this way; an operator's own blackout is
/// removed by editing its file, a plugin's by its author.
public struct BlackoutRemoval: Sendable, Hashable, CustomStringConvertible {
    /// The day of the shipped holiday.
    public let date: LocalDate
    /// The shipped holiday's name on that day, exactly as shipped.
    public let name: String
    /// Where it no longer holds; usually the nation.
    public let scope: BlackoutScope
    /// The file that removes it.
    public let source: BlackoutSource
    /// What the operator cites for it (`SKB 3 Menteri …`), shown in listings.
    public let reference: String?

    public init(date: LocalDate, name: String, scope: BlackoutScope, source: BlackoutSource, reference: String? = nil) {
        self.date = date
        self.name = name
        self.scope = scope
        self.source = source
        self.reference = reference
    }

    public var description: String {
        "\(name) on \(date) removed (\(scope), \(source))"
    }
}
