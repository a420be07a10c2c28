import Foundation
import Testing

@testable import kaderd

@Suite struct StatusReporterTests {
    @Test func saysHowManyConnectionsWereServed() {
        #expect(StatusReporter.line(for: .init(connectionsServed: 0, reload: .none)) == "0 connections served")
        #expect(StatusReporter.line(for: .init(connectionsServed: 1, reload: .none)) == "1 connection served")
    }

    @Test func leadsWithTheWorkInHand() {
        let work = StatusReporter.Work(activeWorkflows: 3, tasksDue: 1)
        #expect(
            StatusReporter.line(for: .init(work: work, connectionsServed: 2, reload: .none))
                == "3 workflows active, 1 task due; 2 connections served")
    }

    @Test func showsTheLastReloadAndWhyOneWasRefused() {
        let at = Date(timeIntervalSince1970: 1_795_913_600)
        #expect(
            StatusReporter.line(for: .init(connectionsServed: 2, reload: .reloaded(at: at)))
                == "2 connections served; reloaded 2026-11-29T00:53:20Z")
        let refused = ReloadOutcome.refused(at: at, problem: "k.toml:2: unknown key 'x'", lastGood: nil)
        #expect(
            StatusReporter.line(for: .init(connectionsServed: 2, reload: refused))
                == "2 connections served; reload refused 2026-11-29T00:53:20Z: k.toml:2: unknown key 'x'")
    }

    @Test func aRefusedReloadKeepsTheTimeOfTheLastGoodOne() {
        let good = Date(timeIntervalSince1970: 1_000)
        let outcome = ReloadOutcome.refused(at: Date(timeIntervalSince1970: 2_000), problem: "bad", lastGood: good)
        #expect(outcome.lastReload == good)
        #expect(outcome.lastError == "bad")
        #expect(ReloadOutcome.reloaded(at: good).lastError == nil)
    }
}
