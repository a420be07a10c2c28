import Foundation

/// A loaded plugin's helper as `kaderctl plugins` shows it.
public struct PluginHelperStatus: Sendable, Hashable {
    /// The helper's process, while one runs.
    public var pid: Int32?
    /// Calls sent to the plugin, answered or not.
    public var calls = 0
    /// Calls that failed (crash, timeout, a reply kaderd could not use) and failed restarts.
    public var failures = 0
    /// Helpers started after the first.
    public var restarts = 0
    public var lastFailure: String?
    public var lastFailureAt: Date?
    /// Failures since the last call that succeeded: the restart backoff grows with them.
    var consecutiveFailures = 0

    /// How long after its `n`th failure in a row a helper is started again: at once after
    /// one failure, then 1, 2, 4 … seconds, at most a minute, so a plugin that keeps
    /// crashing is not restarted in a tight loop.
    static func backoff(afterFailures n: Int) -> Duration {
        n <= 1 ? .zero : .seconds(min(1 << min(n - 2, 6), 60))
    }
}
