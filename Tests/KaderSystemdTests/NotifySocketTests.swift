import Foundation
import KaderEngine
import KaderSystemd
import KaderTesting
import Logging
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

    /// The acceptance test: the real scheduler pings at the end of each pass; when a pass
    /// stalls (here its store is held busy) the pings stop however much time passes, and
    /// come again once the pass finishes.
    @Test(.timeLimit(.minutes(1))) func aStalledSchedulerStopsThePings() async throws {
        try await withNotifySocket { listener in
            let monotonic = ManualMonotonicClock()
            let watchdog = Watchdog(timeout: .seconds(4), now: { monotonic.now })
            let fixture = try await EngineFixture(now: "2026-03-01T12:00:00Z")
            var configuration = Scheduler.Configuration()
            configuration.idle = 1
            let (passes, passed) = AsyncStream<Date>.makeStream()
            let scheduler = Scheduler(
                service: fixture.service, clock: fixture.clock, configuration: configuration,
                logger: Logger(label: "test"),
                onTick: { report in
                    _ = try? watchdog.ping()
                    passed.yield(report.lastPass!)
                })
            let loop = Task { try await scheduler.run() }
            defer { loop.cancel() }
            var pass = passes.makeAsyncIterator()
            /// Moves both clocks on and waits for the scheduler's pass at the new time.
            func nextPass() async {
                monotonic.advance(by: watchdog.passInterval)
                fixture.clock.advance(by: 1)
                let now = fixture.clock.now()
                while let at = await pass.next(), at < now {}
            }

            _ = await pass.next()
            #expect(try await listener.next(timeout: 5) == "WATCHDOG=1")
            for _ in 0..<2 {
                await nextPass()
                #expect(try await listener.next(timeout: 5) == "WATCHDOG=1")
            }

            // The store is held busy, so the next pass cannot record that it ran.
            let (entered, release) = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
            let busy = Task {
                try await fixture.store.write { _ in
                    entered.signal()
                    release.wait()
                }
            }
            try await onThread { entered.wait() }
            monotonic.advance(by: .seconds(60))
            fixture.clock.advance(by: 60)
            try SystemdNotifier().send(.status("stalled for 60s"))
            #expect(
                try await listener.next(timeout: 5) == "STATUS=stalled for 60s",
                "no WATCHDOG=1 may arrive while the pass is stalled; got:\n\(listener.transcript)")

            release.signal()
            try await busy.value
            #expect(try await listener.next(timeout: 5) == "WATCHDOG=1", "pings resume with the scheduler")
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
