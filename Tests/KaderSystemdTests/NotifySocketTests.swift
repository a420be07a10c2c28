import Foundation
import KaderSystemd
import KaderTesting
import Testing

/// `sd_notify` and the watchdog against a real notify socket, read as systemd reads it.
///
/// Serialized: libsystemd finds the socket through this process's NOTIFY_SOCKET, which the
/// tests set, so two at once would read each other's messages.
@Suite(.serialized) struct NotifySocketTests {
    @Test func deliversEachMessageToTheServiceManager() async throws {
        try await withNotifySocket { listener in
            let notifier = SystemdNotifier()
            #expect(notifier.isListening)
            #expect(try notifier.send(.ready))
            #expect(try await listener.next() == "READY=1")
            try notifier.send(.status("3 connections served"))
            #expect(try await listener.next() == "STATUS=3 connections served")
            try notifier.send(.reloading(monotonicMicroseconds: 1234))
            #expect(try await listener.next() == "RELOADING=1\nMONOTONIC_USEC=1234")
            try notifier.send(.stopping)
            #expect(try await listener.next() == "STOPPING=1")
        }
    }

    @Test func sendsNothingAndSaysSoWhenNoServiceManagerListens() throws {
        unsetenv("NOTIFY_SOCKET")
        #expect(!SystemdNotifier().isListening)
        #expect(try SystemdNotifier().send(.ready) == false)
    }

    @Test func failsLoudlyWhenTheNotifySocketIsGone() throws {
        setenv("NOTIFY_SOCKET", "/tmp/kdt-no-such-dir/notify", 1)
        defer { unsetenv("NOTIFY_SOCKET") }
        let error = #expect(throws: NotifyError.self) { try SystemdNotifier().send(.ready) }
        #expect(error?.description.hasPrefix("cannot notify the service manager (READY=1)") == true)
    }

    @Test func readsTheWatchdogTimeoutSystemdSets() throws {
        setenv("WATCHDOG_USEC", "30000000", 1)
        defer { unsetenv("WATCHDOG_USEC") }
        let watchdog = try #require(Watchdog.fromEnvironment())
        #expect(watchdog.timeout == .seconds(30))
        #expect(watchdog.passInterval == .seconds(15))
        unsetenv("WATCHDOG_USEC")
        #expect(Watchdog.fromEnvironment() == nil)
    }

    @Test func pingsAtMostOncePerQuarterTimeout() async throws {
        try await withNotifySocket { listener in
            let clock = ManualMonotonicClock()
            let watchdog = Watchdog(timeout: .seconds(8), now: { clock.now })
            #expect(try watchdog.ping())
            #expect(try await listener.next() == "WATCHDOG=1")
            clock.advance(by: .seconds(1))
            #expect(try watchdog.ping() == false)
            clock.advance(by: .seconds(1))
            #expect(try watchdog.ping())
            try SystemdNotifier().send(.status("end"))
            // Exactly one more ping went out before the marker.
            #expect(try await listener.next() == "WATCHDOG=1")
            #expect(try await listener.next() == "STATUS=end")
        }
    }

    /// The acceptance test: a work loop that stalls stops the pings, however much time passes,
    /// and pings again once it moves. The loop is driven step by step; its clock by hand.
    @Test func aStalledWorkLoopStopsThePings() async throws {
        try await withNotifySocket { listener in
            let clock = ManualMonotonicClock()
            let watchdog = Watchdog(timeout: .seconds(4), now: { clock.now })
            let loop = SteppedWorkLoop(watchdog: watchdog)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await loop.run() }

                for _ in 0..<3 {
                    await loop.finishOnePass()
                    #expect(try await listener.next(timeout: 5) == "WATCHDOG=1")
                    clock.advance(by: watchdog.passInterval)
                }

                // The loop's work hangs: no pass finishes while far more than the timeout passes.
                clock.advance(by: .seconds(60))
                try SystemdNotifier().send(.status("stalled for 60s"))
                #expect(
                    try await listener.next(timeout: 5) == "STATUS=stalled for 60s",
                    "no WATCHDOG=1 may arrive while the loop is stalled; got:\n\(listener.transcript)")

                await loop.finishOnePass()
                #expect(try await listener.next(timeout: 5) == "WATCHDOG=1", "pings resume with the loop")
                loop.stop()
                try await group.waitForAll()
            }
        }
    }

    private func withNotifySocket(_ body: (NotifyListener) async throws -> Void) async throws {
        let directory = TemporaryDirectory()
        let listener = try NotifyListener(directory: directory)
        setenv("NOTIFY_SOCKET", listener.path, 1)
        defer { unsetenv("NOTIFY_SOCKET") }
        try await body(listener)
    }
}

/// A work loop shaped like the scheduler's: each pass does its work, then pings. Here a
/// pass's work is done only when the test says, so "stalled" is a state the test holds.
private final class SteppedWorkLoop: Sendable {
    private let watchdog: Watchdog
    private let work: AsyncStream<Void>
    private let workDone: AsyncStream<Void>.Continuation
    private let passes: AsyncStream<Void>
    private let passDone: AsyncStream<Void>.Continuation

    init(watchdog: Watchdog) {
        self.watchdog = watchdog
        (work, workDone) = AsyncStream.makeStream()
        (passes, passDone) = AsyncStream.makeStream()
    }

    func run() async throws {
        for await _ in work {
            try watchdog.ping()
            passDone.yield()
        }
    }

    /// Lets the current pass's work finish and waits until the loop has pinged.
    func finishOnePass() async {
        workDone.yield()
        var iterator = passes.makeAsyncIterator()
        await iterator.next()
    }

    func stop() {
        workDone.finish()
    }
}
