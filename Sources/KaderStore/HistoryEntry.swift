import Foundation
import KaderCore

/// One recorded change: what happened to which entity, when, and on whose behalf.
public struct HistoryEntry: Sendable, Hashable {
    /// Gap-free, increasing: the order in which changes were committed.
    public var seq: Int64
    public var at: Date
    public var caller: Caller
    /// `cadre`, `workflow` or `task`.
    public var entityKind: String
    public var entityID: String
    /// `registered`, `updated`, `started`, `moved`, `rescheduled`, `cancelled`, …
    public var action: String
    public var detail: [String: String]

    public init(
        seq: Int64, at: Date, caller: Caller, entityKind: String, entityID: String, action: String,
        detail: [String: String]
    ) {
        self.seq = seq
        self.at = at
        self.caller = caller
        self.entityKind = entityKind
        self.entityID = entityID
        self.action = action
        self.detail = detail
    }
}
