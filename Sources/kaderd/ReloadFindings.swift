/// What the work redone on a reload found worth telling whoever asked for it, beyond the
/// configuration file itself: files refused while the reload went on, and planned tasks
/// that a new blackout now falls on.
struct ReloadFindings: Sendable, Equatable {
    /// `FILE:LINE: message` for each problem of each blackout file refused.
    var blackoutFilesRefused: [String] = []
    /// Scheduled and due tasks whose window opens on a blackout the reload added.
    var tasksOnNewBlackouts = 0

    static func + (lhs: ReloadFindings, rhs: ReloadFindings) -> ReloadFindings {
        ReloadFindings(
            blackoutFilesRefused: lhs.blackoutFilesRefused + rhs.blackoutFilesRefused,
            tasksOnNewBlackouts: lhs.tasksOnNewBlackouts + rhs.tasksOnNewBlackouts)
    }
}
