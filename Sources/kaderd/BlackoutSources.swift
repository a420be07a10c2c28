import Dispatch
import Foundation
import KaderCore
import KaderEngine
import Logging
import Synchronization

/// Makes the calendar the daemon plans with, at start and on each reload: the shipped
/// holidays and the plugins' blackouts, then the operators' blackout files. Keeps the files
/// in use between reloads, so that a file broken by an edit keeps its previous blackouts,
/// and says which files were refused, for `blackout.list` and the reload's reply.
final class BlackoutSources: Sendable {
    /// As of the latest start or reload; replaced whole, held only to copy it.
    private let files = Mutex(BlackoutFileSet())

    /// The files in use and those refused, as of the latest start or reload.
    var current: BlackoutFileSet { files.withLock { $0 } }

    /// Reads the blackout files of `folders` onto `base` and puts the result in use.
    /// With `reviewingTasks` (a reload), counts the scheduled and due tasks that a blackout
    /// the new calendar has and the running one had not now falls on, and warns about them:
    /// they are not moved (someone may have been told the day), the operator is told.
    func use(
        _ base: BlackoutCalendar, folders: [String], service: WorkflowService, reviewingTasks: Bool, logger: Logger
    ) -> ReloadFindings {
        let previous = service.blackouts
        let (set, calendar) = BlackoutFileSet.load(
            folders: folders, onto: base, previous: files.withLock { $0 }, regions: service.directory)
        service.blackouts = calendar
        files.withLock { $0 = set }

        var findings = ReloadFindings()
        for refusal in set.refusals {
            let kept = set.keptPrevious.contains(refusal.file)
            for line in refusal.lines {
                logger.warning(
                    "blackout file refused\(kept ? "; its previous blackouts stay in use" : ""): \(line)",
                    metadata: ["file": "\(refusal.file)"])
            }
            findings.blackoutFilesRefused += refusal.lines
        }
        if set.files.contains(where: { !$0.blackouts.isEmpty || !$0.removals.isEmpty }) {
            logger.info(
                "blackout files in use",
                metadata: [
                    "files": "\(set.files.map(\.path).joined(separator: ","))",
                    "blackouts": "\(set.files.map(\.blackouts.count).reduce(0, +))",
                    "removals": "\(set.files.map(\.removals.count).reduce(0, +))",
                ])
        }
        guard reviewingTasks else { return findings }
        let added = calendar.blackoutsAdded(since: previous)
        guard !added.isEmpty else { return findings }
        do {
            let tasks = try Self.waitFor {
                try await BlackoutReview.tasks(in: added, within: nil, calendar: calendar, notOn: previous, service: service)
            }
            findings.tasksOnNewBlackouts = tasks.count
            if !tasks.isEmpty {
                let message = "\(tasks.count) scheduled or due tasks now open on a blackout the reload added; "
                    + "they are not moved: kaderctl blackouts --affected lists them, kaderctl task reschedule moves them"
                logger.warning(
                    "\(message)", metadata: ["tasks": "\(tasks.prefix(20).map(\.task.id.rawValue).joined(separator: ","))"])
            }
        } catch {
            logger.error("cannot look for tasks on the new blackouts", metadata: ["error": "\(error)"])
        }
        return findings
    }

    /// Runs async work to its end from the reload queue, which must return its findings
    /// before the reload answers. Safe because the reload queue is a dispatch queue of its
    /// own: blocking it takes no thread of the cooperative pool, where `work` runs, and
    /// `work` never waits for the reload queue. Never call it from async code.
    private static func waitFor<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        let result = Mutex<Result<T, any Error>?>(nil)
        Task {
            let outcome: Result<T, any Error>
            do { outcome = .success(try await work()) } catch { outcome = .failure(error) }
            result.withLock { $0 = outcome }
            done.signal()
        }
        done.wait()
        return try result.withLock { $0! }.get()
    }
}
