import Foundation

/// What the reloads since start-up came to, for `daemon.status` and the STATUS= line.
enum ReloadOutcome: Sendable, Equatable {
    case none
    case reloaded(at: Date)
    /// The latest reload was refused; the configuration of the last good one (or of
    /// start-up) still runs.
    case refused(at: Date, problem: String, lastGood: Date?)

    var lastReload: Date? {
        switch self {
        case .none: nil
        case .reloaded(let at): at
        case .refused(_, _, let lastGood): lastGood
        }
    }

    var lastError: String? {
        if case .refused(_, let problem, _) = self { return problem }
        return nil
    }
}
