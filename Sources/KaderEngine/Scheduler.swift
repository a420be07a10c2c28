import CoreMetrics
import Foundation
import KaderCore
import KaderStore
import Logging
import Synchronization

/// Time passing, applied: tasks turn due when their window opens in the village's time and
/// missed when it has closed (plus a grace); after downtime, what was missed is caught up.
///
/// The loop sleeps until the next deadline or until the store changes, whichever comes
/// first; `tick` does one pass and is what tests drive, with an injected clock.
///
/// On a store several kaderd share, only the leader (`leadership`) makes passes and the
/// catch-up, each fenced by its lease's term; the others' loops only ping the watchdog.
public final class Scheduler: Sendable {
    public struct Configuration: Sendable {
        /// How long after its window closes a task not done counts as missed.
        public var grace: TimeInterval = 12 * 3600
        /// How far ahead deadlines are held in memory.
        public var horizon: TimeInterval = 6 * 3600
        /// The longest the loop sleeps without looking, in real (monotonic) seconds, which
        /// bounds how stale `last_alive` (the catch-up's starting point) can be.
        public var idle: TimeInterval = 60
        /// The shortest time between two loads of the deadlines after changes. A load reads
        /// every deadline of the horizon (thousands with a large store); reloading after
        /// every commit cost more than the commits under a stream of writes. Deadlines
        /// already held still fall due on time meanwhile; a change is seen this late at most.
        public var reloadInterval: TimeInterval = 0.25
        /// How long before a deadline its pass begins. The tasks are read and moved ahead of
        /// time, in a transaction that holds its commit until the deadline: what falls due is
        /// committed, and seen by subscribers, at the instant it does, where a pass begun at
        /// the instant made them wait for the whole batch's write (tens of milliseconds in a
        /// national store). Other writes wait for the held commit, this long at most. 0: a
        /// pass begins at the deadline.
        public var ahead: TimeInterval = 0

        public init() {}
    }

    /// What the scheduler has done and sees, for `daemon.status` and systemd's STATUS= line.
    public struct Report: Sendable, Hashable {
        /// The clock time of the latest pass.
        public var lastPass: Date?
        /// When the daemon was last recorded as alive (the catch-up's starting point).
        public var lastTick: Date?
        public var becameDue = 0
        public var missed = 0
        public var lastCatchUp: CatchUpReport?
    }

    private struct State {
        var queue = DueQueue()
        /// The queue holds every deadline before this instant…
        var loadedUntil = Date.distantPast
        /// …as of this history sequence number; a newer one means tasks may have changed.
        var loadedAt: Int64 = -1
        /// When the queue was last loaded, by the scheduler's clock.
        var loadedOn = Date.distantPast
        var report = Report()
    }

    static let lastAliveKey = "scheduler.last_alive"
    /// Deadlines applied per transaction.
    static let batch = 1000

    private let service: WorkflowService
    private let clock: any WallClock
    private let configuration: Configuration
    private let logger: Logger
    private let onTick: @Sendable (Report) -> Void
    private let leadership: Leadership?
    private let state = Mutex(State())
    private let metrics: SchedulerMetrics

    /// - Parameters:
    ///   - onTick: called after every pass with the report as of that pass; the watchdog
    ///     pings from here, so a stuck scheduler stops the pings.
    ///   - metrics: where the lag and the catch-ups are recorded; the process's
    ///     bootstrapped factory by default.
    public init(
        service: WorkflowService, clock: any WallClock, configuration: Configuration = Configuration(),
        leadership: Leadership? = nil, logger: Logger, metrics: any MetricsFactory = MetricsSystem.factory,
        onTick: @escaping @Sendable (Report) -> Void = { _ in }
    ) {
        self.metrics = SchedulerMetrics(factory: metrics)
        self.service = service
        self.leadership = leadership
        self.clock = clock
        self.configuration = configuration
        self.logger = logger
        self.onTick = onTick
    }

    public var report: Report { state.withLock { $0.report } }
    private var store: any Store { service.store }

    /// Handles what passed while the daemon was down; nothing on the very first start. With
    /// several nodes, nothing here: the leader catches up when the lease says it owes one.
    @discardableResult
    public func catchUp() async throws -> CatchUpReport? {
        guard leadership == nil else { return nil }
        let now = clock.now()
        let lastAlive = try await store.read { try $0.meta(Self.lastAliveKey) }.flatMap(Double.init)
            .map(Date.init(timeIntervalSince1970:))
        var report: CatchUpReport?
        if let lastAlive, lastAlive < now {
            let caughtUp = try await service.catchUp(downSince: lastAlive, now: now)
            report = caughtUp
            metrics.recordCatchUp(caughtUp)
            state.withLock { $0.report.lastCatchUp = caughtUp }
            logger.notice(
                "caught up after downtime",
                metadata: caughtUp.detail.mapValues { Logger.MetadataValue.string($0) })
        }
        try await markAlive(now)
        return report
    }

    /// One pass: applies every deadline that has passed, and those that fall within
    /// `ahead`. Returns when the next pass is to begin: `ahead` of the next deadline.
    @discardableResult
    public func tick() async throws -> Date {
        let now = self.now()
        var leader: Leadership.Term?
        if let leadership {
            guard let term = leadership.term else { return follow(now, leadership) }
            leader = term
            if let downSince = leadership.catchUpOwed { try await catchUp(downSince: downSince, now: now, as: term) }
        }
        // What the queue holds falls due first, then the queue is reloaded if the store has
        // changed: a load reads every deadline of the horizon (20 ms with a million tasks),
        // and before the due tasks it made each of them that late. A task the queue holds
        // stale is checked again in the transaction that moves it.
        try await applyQueued(now: now, as: leader)
        let seq = store.notifier.latest
        let reloadInterval = configuration.reloadInterval
        let needsLoad = state.withLock { state in
            // A clock set back counts as time passed.
            let loadedLongAgo = now.timeIntervalSince(state.loadedOn) >= reloadInterval || now < state.loadedOn
            return state.loadedUntil <= now || (state.loadedAt != seq && loadedLongAgo)
        }
        if needsLoad {
            let until = now.addingTimeInterval(configuration.horizon)
            let grace = configuration.grace
            let deadlines = try await store.read { try $0.deadlines(before: until, grace: grace) }
            state.withLock { state in
                state.queue = DueQueue(deadlines)
                state.loadedUntil = until
                state.loadedAt = seq
                state.loadedOn = now
            }
            try await applyQueued(now: now, as: leader)
        }
        try await markAlive(now)
        let (report, next) = state.withLock { state in
            state.report.lastPass = now
            var next = state.queue.next.map { $0.at.addingTimeInterval(-configuration.ahead) } ?? state.loadedUntil
            // Changes not loaded yet are loaded as soon as the interval allows.
            if state.loadedAt != seq { next = min(next, state.loadedOn.addingTimeInterval(reloadInterval)) }
            return (state.report, next)
        }
        onTick(report)
        return next
    }

    /// Applies the queue's deadlines up to `now`, then each instant of those within `ahead`
    /// on its own, committed no earlier than that instant.
    private func applyQueued(now: Date, as leader: Leadership.Term?) async throws {
        // In the order they fall: those passed come first.
        let popped = state.withLock { $0.queue.popAll(through: now.addingTimeInterval(configuration.ahead)) }
        let passed = popped.prefix { $0.at <= now }
        try await apply(Array(passed), now: now, as: leader)
        for (instant, coming) in Dictionary(grouping: popped.dropFirst(passed.count), by: \.at).sorted(by: { $0.key < $1.key }) {
            try await apply(coming, now: instant, committingAt: instant, as: leader)
        }
    }

    /// Moves the tasks of `passed` deadlines (due or missed), in transactions of `batch`: a
    /// write holds the store's writers back for as long as it runs, and a leader killed
    /// halfway loses one batch, not the pass. With `committingAt`, each commit waits until
    /// that instant of the scheduler's time.
    private func apply(
        _ passed: [TaskDeadline], now: Date, committingAt instant: Date? = nil, as leader: Leadership.Term?
    ) async throws {
        // On this machine's clock, as the loop's sleeps are.
        let hold: @Sendable () -> Void = { [clock, leadership] in
            if let instant { clock.hold(until: instant.addingTimeInterval(-(leadership?.clockOffset ?? 0))) }
        }
        for first in stride(from: 0, to: passed.count, by: Self.batch) {
            let batch = Array(passed[first..<min(first + Self.batch, passed.count)])
            let changed: [WorkflowTask]
            do {
                changed = try await service.applyDeadlines(
                    batch, now: now, grace: configuration.grace, as: leader, beforeCommit: hold)
            } catch {
                // What was popped and not applied is still in the store: the next pass reloads it.
                state.withLock { $0.loadedUntil = .distantPast }
                throw error
            }
            metrics.recordDue(changed, committedAt: self.now())
            // One line per task, carrying its ids (KADERD_TASK, KADERD_WORKFLOW in the journal).
            for task in changed {
                logger.info(
                    task.state == .due ? "task is due" : "task was missed",
                    metadata: ["task": "\(task.id)", "workflow": "\(task.workflowID)", "village": "\(task.village)"])
            }
            let due = changed.count { $0.state == .due }
            let missed = changed.count - due
            state.withLock { state in
                state.report.becameDue += due
                state.report.missed += missed
            }
        }
    }

    /// Runs until cancelled: a pass, then sleep until the next deadline, a change or `idle`
    /// of real time, whichever comes first. The idle bound is kept on the monotonic clock:
    /// on the wall clock, a clock set back (by NTP or by hand) would hold the loop, and the
    /// watchdog pings it sends, for as long as it was set back.
    public func run() async throws {
        let idle = Duration.seconds(configuration.idle)
        while !Task.isCancelled {
            let seen = store.notifier.latest
            var deadline: Date?
            do {
                deadline = try await tick()
            } catch {
                // Stopping: the pass was cut short on purpose, and the loop ends here.
                if Task.isCancelled { break }
                logger.error("scheduler pass failed; retrying", metadata: ["error": "\(error)"])
            }
            await withTaskGroup(of: Void.self) { group in
                if let deadline {
                    // The deadline is on the scheduler's time (the database's, with several
                    // nodes); the sleep on this machine's clock.
                    let local = deadline.addingTimeInterval(-(leadership?.clockOffset ?? 0))
                    group.addTask { [clock] in try? await clock.sleep(until: local) }
                }
                group.addTask { try? await Task.sleep(for: idle) }
                group.addTask { [store] in _ = await store.notifier.wait(after: seen) }
                await group.next()
                group.cancelAll()
            }
        }
    }

    /// What time it is for deciding what is due: the clock's, or with several nodes the
    /// database's (`Leadership.clockOffset`), which every node agrees on.
    private func now() -> Date {
        clock.now().addingTimeInterval(leadership?.clockOffset ?? 0)
    }

    /// A follower's pass: nothing but the report. The deadlines are loaded afresh when this
    /// node leads again. Returns when to look again: the leader may be gone by then.
    private func follow(_ now: Date, _ leadership: Leadership) -> Date {
        let report = state.withLock { state in
            state.loadedUntil = .distantPast
            state.report.lastPass = now
            return state.report
        }
        onTick(report)
        let renewal = leadership.renewal.components
        return now.addingTimeInterval(Double(renewal.seconds) + Double(renewal.attoseconds) / 1e18)
    }

    /// The leader's catch-up after the whole cluster was down, once: its transaction clears
    /// the lease's mark, so a leader that dies halfway leaves it to the next.
    private func catchUp(downSince: Date, now: Date, as leader: Leadership.Term) async throws {
        let caughtUp = try await service.catchUp(downSince: downSince, now: now, as: leader)
        leadership?.caughtUp()
        metrics.recordCatchUp(caughtUp)
        state.withLock { $0.report.lastCatchUp = caughtUp }
        logger.notice(
            "caught up after the whole cluster was down",
            metadata: caughtUp.detail.mapValues { Logger.MetadataValue.string($0) })
    }

    /// Remembers that the daemon was alive at `now`, at most twice per idle period. With
    /// several nodes, the leader's lease says so instead.
    private func markAlive(_ now: Date) async throws {
        guard leadership == nil else {
            state.withLock { $0.report.lastTick = now }
            return
        }
        let due = state.withLock { state -> Bool in
            // A clock set back counts as time passed, as in `tick`.
            guard let last = state.report.lastTick, (0..<configuration.idle / 2).contains(now.timeIntervalSince(last))
            else {
                state.report.lastTick = now
                return true
            }
            return false
        }
        guard due else { return }
        try await store.write { try $0.setMeta(Self.lastAliveKey, String(now.timeIntervalSince1970)) }
    }
}
