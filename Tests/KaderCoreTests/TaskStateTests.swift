import KaderCore
import Testing

@Suite struct TaskStateTests {
    @Test func followsTheLifecycle() {
        #expect(TaskState.scheduled.canMove(to: .due))
        #expect(TaskState.due.canMove(to: .inProgress))
        #expect(TaskState.inProgress.canMove(to: .done))
        #expect(TaskState.due.canMove(to: .missed))
        #expect(TaskState.scheduled.canMove(to: .cancelled))
    }

    @Test func neverLeavesAFinalState() {
        for state in TaskState.allCases where state.isFinal {
            #expect(state.successors.isEmpty)
            for next in TaskState.allCases { #expect(!state.canMove(to: next), "\(state) → \(next)") }
        }
    }

    @Test func refusesToGoBack() {
        #expect(!TaskState.due.canMove(to: .scheduled))
        #expect(!TaskState.inProgress.canMove(to: .due))
        #expect(!TaskState.scheduled.canMove(to: .scheduled))
    }
}
