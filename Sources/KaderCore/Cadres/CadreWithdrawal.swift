import Foundation

/// A registration entered in error, taken back: the cadre leaves the register's views and
/// the Buku Kader's numbering, and stays in the history with why.
public struct CadreWithdrawal: Sendable, Hashable {
    public var at: Date
    public var reason: String

    public init(at: Date, reason: String) {
        self.at = at
        self.reason = reason
    }
}
