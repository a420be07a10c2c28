import Foundation
import KaderEngine
import Synchronization

/// A clock that stands still until the test moves it.
public final class TestClock: WallClock {
    private let current: Mutex<Date>

    public init(_ start: Date) {
        current = Mutex(start)
    }

    /// `2026-01-05T09:00:00+08:00`-style text, for readable tests.
    public convenience init(_ iso: String) {
        self.init(try! Date(iso, strategy: .iso8601))
    }

    public func now() -> Date { current.withLock { $0 } }

    public func advance(by interval: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(interval) }
    }

    public func set(_ date: Date) {
        current.withLock { $0 = date }
    }
}
