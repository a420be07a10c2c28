import Foundation
import KaderCore
import KaderEngine
import KaderStore
import KaderTesting
import Logging
import Synchronization
import Testing

@Suite struct SchedulerTests {
    let papua = "91.03.01.2004"
    let aceh = "11.01.01.2002"

    private func start(_ fixture: EngineFixture, village: String, on date: String, program: String = "kpmd") async throws
        -> [WorkflowTask]
    {
        let cadre = try await fixture.service.registerCadres(
            [EngineFixture.draft("Kader \(village)", village: village)], asBatch: false, allowDuplicates: true,
            caller: EngineFixture.caller)
        return try await fixture.service.startWorkflow(
            program: program, version: nil, cadres: [cadre[0].id], startDate: try LocalDate(parsing: date),
            caller: EngineFixture.caller
        ).1
    }

    private func state(_ fixture: EngineFixture, _ task: WorkflowTask) async throws -> TaskState {
        try await fixture.service.task(task.id).state
    }

    /// After a change the deadlines are reloaded at most once per `reloadInterval` (a load
    /// reads the whole horizon); those already held fall due on time meanwhile, and the
    /// pass says when it will look again.
    @Test func reloadsAfterAChangeNoSoonerThanTheInterval() async throws {
        let fixture = try await EngineFixture(now: "2026-03-01T12:00:00Z")
        var configuration = Scheduler.Configuration()
        configuration.horizon = 24 * 3600
        configuration.reloadInterval = 13 * 3600
        let scheduler = Scheduler(
            service: fixture.service, clock: fixture.clock, configuration: configuration, logger: Logger(label: "test"))
        let held = try await start(fixture, village: papua, on: "2026-03-02")
        _ = try await scheduler.tick()
        let changed = try await start(fixture, village: papua, on: "2026-03-02")

        // 09:00 WIT, 12 hours on: the held identification is due, the new one not yet loaded.
        fixture.clock.set(try Date("2026-03-02T00:00:00Z", strategy: .iso8601))
        let next = try await scheduler.tick()
        #expect(try await state(fixture, held[0]) == .due)
        #expect(try await state(fixture, changed[0]) == .scheduled)
        #expect(next == (try Date("2026-03-02T01:00:00Z", strategy: .iso8601)))

        fixture.clock.set(next)
        _ = try await scheduler.tick()
        #expect(try await state(fixture, changed[0]) == .due)
    }

    @Test(.timeLimit(.minutes(1))) func theSameLocalNineOClockComesTwoHoursEarlierInPapuaThanInAceh() async throws {
        let fixture = try await EngineFixture(now: "2026-03-01T12:00:00Z")
        let papuaTasks = try await start(fixture, village: papua, on: "2026-03-02")
        let acehTasks = try await start(fixture, village: aceh, on: "2026-03-02")
        let ticks = AsyncStream<Date>.makeStream()
        let scheduler = Scheduler(
            service: fixture.service, clock: fixture.clock, logger: Logger(label: "test"),
            onTick: { ticks.continuation.yield($0.lastPass!) })
        var passes = ticks.stream.makeAsyncIterator()
        let loop = Task { try await scheduler.run() }
        defer { loop.cancel() }
        /// Moves the clock and waits for the loop's first pass at the new time.
        func moveClock(to text: String) async throws {
            let date = try Date(text, strategy: .iso8601)
            fixture.clock.set(date)
            while let pass = await passes.next(), pass < date {}
        }

        // 09:00 WIT is 00:00 UTC: Papua's identification opens, Aceh's does not.
        try await moveClock(to: "2026-03-02T00:00:00Z")
        #expect(try await state(fixture, papuaTasks[0]) == .due)
        #expect(try await state(fixture, acehTasks[0]) == .scheduled)

        // 09:00 WIB is 02:00 UTC, two hours later.
        try await moveClock(to: "2026-03-02T01:59:59Z")
        #expect(try await state(fixture, acehTasks[0]) == .scheduled)
        try await moveClock(to: "2026-03-02T02:00:00Z")
        #expect(try await state(fixture, acehTasks[0]) == .due)

        let history = try await fixture.store.read { try $0.history(of: acehTasks[0].id.rawValue) }
        #expect(history.last?.caller == .scheduler)
        #expect(history.last?.detail == ["from": "scheduled", "to": "due"])
    }

    /// NTP or an operator may set the wall clock back an hour: the loop must go on passing
    /// every `idle` of real time, or the watchdog pings it sends stop and systemd kills us.
    @Test(.timeLimit(.minutes(1))) func aClockSetBackDoesNotHoldTheLoop() async throws {
        let fixture = try await EngineFixture(now: "2026-03-01T12:00:00Z")
        var configuration = Scheduler.Configuration()
        configuration.idle = 0.05
        let (passes, passed) = AsyncStream<Date>.makeStream()
        let scheduler = Scheduler(
            service: fixture.service, clock: fixture.clock, configuration: configuration, logger: Logger(label: "test"),
            onTick: { passed.yield($0.lastPass!) })
        let loop = Task { try await scheduler.run() }
        defer { loop.cancel() }
        var pass = passes.makeAsyncIterator()
        let first = try #require(await pass.next())

        let earlier = first.addingTimeInterval(-3600)
        fixture.clock.set(earlier)
        // The test clock stands still from here on: only real time can bring these passes.
        while let at = await pass.next(), at != earlier {}
        for _ in 0..<3 {
            #expect(await pass.next() == earlier)
        }
    }

    /// With `ahead`, a pass begins before a window opens and its commit waits for the
    /// instant: nothing is committed before it, the task is due as it comes, and its history
    /// says it turned due then. A later window is left for its own pass.
    @Test func aWindowOpeningShortlyIsWrittenAheadAndCommittedAtItsInstant() async throws {
        let fixture = try await EngineFixture(now: "2026-03-01T12:00:00Z")
        let tasks = try await start(fixture, village: aceh, on: "2026-03-02").sorted { $0.windowStart < $1.windowStart }
        let (first, opens) = (tasks[0], tasks[0].windowStart)
        let clock = HoldingClock(fixture.clock, store: fixture.store)
        var configuration = Scheduler.Configuration()
        configuration.ahead = 0.05
        let scheduler = Scheduler(
            service: fixture.service, clock: clock, configuration: configuration, logger: Logger(label: "test"))

        fixture.clock.set(opens.addingTimeInterval(-1))
        let next = try await scheduler.tick()
        #expect(next == opens.addingTimeInterval(-0.05))
        #expect(try await state(fixture, first) == .scheduled)

        fixture.clock.set(next)
        let before = fixture.store.notifier.latest
        // Next: the end of what this pass loaded again after its commit; the next window is
        // weeks away.
        #expect(tasks[1].windowStart > opens.addingTimeInterval(configuration.horizon))
        #expect(try await scheduler.tick() == next.addingTimeInterval(configuration.horizon))
        #expect(try await state(fixture, first) == .due)
        #expect(try await state(fixture, tasks[1]) == .scheduled)
        // The writer held at the instant itself, with nothing of the pass committed yet.
        #expect(clock.holds == [HoldingClock.Hold(until: opens, latestCommit: before)])
        #expect(fixture.clock.now() == opens)
        let entry = try #require(try await fixture.store.read { try $0.history(of: first.id.rawValue) }.last)
        #expect(entry.at == opens)
        #expect(entry.detail == ["from": "scheduled", "to": "due"])
    }

    @Test func aTaskNotDoneIsMissedAfterItsWindowAndTheGrace() async throws {
        let fixture = try await EngineFixture(now: "2026-03-01T12:00:00Z")
        let tasks = try await start(fixture, village: aceh, on: "2026-03-02")
        let scheduler = Scheduler(service: fixture.service, clock: fixture.clock, logger: Logger(label: "test"))
        let deliberation = try #require(tasks.first { $0.stepID == "deliberation" })
        // The deliberation's one-day window, plus the default 12 hours of grace.
        fixture.clock.set(deliberation.windowStart)
        try await scheduler.tick()
        #expect(try await state(fixture, deliberation) == .due)
        fixture.clock.set(deliberation.windowEnd.addingTimeInterval(12 * 3600 - 1))
        try await scheduler.tick()
        #expect(try await state(fixture, deliberation) == .due)
        fixture.clock.set(deliberation.windowEnd.addingTimeInterval(12 * 3600))
        try await scheduler.tick()
        #expect(try await state(fixture, deliberation) == .missed)
        #expect(scheduler.report.missed >= 1)
        // A task in progress is left to the people doing it.
        let training = try #require(tasks.first { $0.stepID == "training" })
        fixture.clock.set(training.windowStart)
        try await scheduler.tick()
        _ = try await fixture.service.startTask(training.id, caller: EngineFixture.caller)
        fixture.clock.set(training.windowEnd.addingTimeInterval(30 * 86_400))
        try await scheduler.tick()
        #expect(try await state(fixture, training) == .inProgress)
    }

    @Test func afterAWeekDownEachCatchUpPolicyDoesWhatItSays() async throws {
        var catalog = ProgramCatalog.load(folders: [])
        let steps = CatchUpPolicy.allCases.map { policy in
            ProgramStep(
                id: "daily-\(policy.rawValue)", kind: .mentoringVisit, title: "Daily \(policy.rawValue)",
                recurrence: try! RecurrenceRule(parsing: "FREQ=DAILY;COUNT=10"), catchUp: policy)
        }
        catalog.add(Program(id: "daily", version: 1, title: "Daily", steps: steps), source: "test")
        let fixture = try await EngineFixture(now: "2026-03-01T12:00:00+07:00", catalog: catalog)
        let tasks = try await start(fixture, village: aceh, on: "2026-03-02", program: "daily")
        #expect(tasks.count == 40)

        // Alive on 1 March, then down for a week: days 2–8 (seven occurrences per step) pass unseen.
        try await Scheduler(service: fixture.service, clock: fixture.clock, logger: Logger(label: "test")).catchUp()
        fixture.clock.advance(by: 7 * 86_400)
        let restarted = Scheduler(service: fixture.service, clock: fixture.clock, logger: Logger(label: "test"))
        let report = try #require(try await restarted.catchUp())
        #expect(report.counts == [.once: 7, .all: 7, .skip: 7, .reschedule: 7])
        #expect(restarted.report.lastCatchUp == report)

        func states(_ policy: CatchUpPolicy) async throws -> [TaskState] {
            var states: [TaskState] = []
            for task in tasks where task.stepID == "daily-\(policy.rawValue)" {
                states.append(try await fixture.service.task(task.id).state)
            }
            return states
        }
        let scheduledLater = Array(repeating: TaskState.scheduled, count: 3)
        #expect(try await states(.once) == Array(repeating: .missed, count: 6) + [.due] + scheduledLater)
        #expect(try await states(.all) == Array(repeating: .due, count: 7) + scheduledLater)
        #expect(try await states(.skip) == Array(repeating: .missed, count: 7) + scheduledLater)
        #expect(try await states(.reschedule) == Array(repeating: .scheduled, count: 10))
        let firstRescheduled = try #require(tasks.first { $0.stepID == "daily-reschedule" })
        let moved = try await fixture.service.task(firstRescheduled.id)
        #expect(moved.windowStart.timeIntervalSince(firstRescheduled.windowStart) == 7 * 86_400)

        // A task made due keeps its window, or, where the window closed while down, has it
        // open again from now for as long as it was.
        let now = fixture.clock.now()
        var reopened = 0
        for original in tasks where original.stepID == "daily-all" && original.windowStart < now {
            let caught = try await fixture.service.task(original.id)
            let length = original.windowEnd.timeIntervalSince(original.windowStart)
            if original.windowEnd <= now {
                reopened += 1
                #expect(caught.windowStart.timeIntervalSince1970 == now.timeIntervalSince1970.rounded(.down))
                #expect(caught.windowEnd.timeIntervalSince(caught.windowStart) == length)
            } else {
                #expect(caught.windowStart == original.windowStart && caught.windowEnd == original.windowEnd)
            }
            let entry = try #require(try await fixture.store.read { try $0.history(of: original.id.rawValue) }.last)
            #expect(entry.action == "moved" && entry.detail["policy"] == "all" && entry.detail["to"] == "due")
        }
        #expect(reopened > 0 && reopened < 7, "days 2–8: early windows closed while down, the last ones still open")
        let skipped = try #require(tasks.first { $0.stepID == "daily-skip" })
        let entry = try #require(try await fixture.store.read { try $0.history(of: skipped.id.rawValue) }.last)
        #expect(entry.detail["reason"] == "skipped while the daemon was down" && entry.detail["to"] == "missed")

        let recorded = try await fixture.store.read { try $0.history(of: "catch-up") }
        #expect(recorded.last?.detail["once"] == "7")
        #expect(recorded.last?.detail["skip"] == "7")
    }
}

/// The test's clock, noting each hold and the store's latest commit at that moment.
private final class HoldingClock: WallClock {
    struct Hold: Equatable {
        var until: Date
        var latestCommit: Int64
    }

    private let clock: TestClock
    private let store: any Store
    private let held = Mutex<[Hold]>([])

    init(_ clock: TestClock, store: any Store) {
        self.clock = clock
        self.store = store
    }

    var holds: [Hold] { held.withLock { $0 } }

    func now() -> Date { clock.now() }

    func sleep(until deadline: Date) async throws { try await clock.sleep(until: deadline) }

    func hold(until deadline: Date) {
        held.withLock { $0.append(Hold(until: deadline, latestCommit: store.notifier.latest)) }
        clock.hold(until: deadline)
    }
}
