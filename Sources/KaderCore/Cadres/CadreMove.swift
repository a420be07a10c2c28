import Foundation

/// A cadre's move to another village. The Buku Kader of the village left keeps the cadre's
/// row, with a note of where they went: a register only ever grows.
public struct CadreMove: Sendable, Hashable {
    public var cadre: CadreID
    public var from: RegionCode
    public var to: RegionCode
    public var at: Date

    public init(cadre: CadreID, from: RegionCode, to: RegionCode, at: Date) {
        self.cadre = cadre
        self.from = from
        self.to = to
        self.at = at
    }
}
