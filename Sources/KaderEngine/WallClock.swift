import Foundation

/// The time, as the engine sees it. Injected so tests decide what "now" is.
public protocol WallClock: Sendable {
    func now() -> Date
}

public struct SystemWallClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}
