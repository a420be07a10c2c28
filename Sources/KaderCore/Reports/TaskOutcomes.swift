/// How many tasks were done, and how many missed.
public struct TaskOutcomes: Sendable, Hashable {
    public var done: Int
    public var missed: Int

    public init(done: Int = 0, missed: Int = 0) {
        self.done = done
        self.missed = missed
    }
}
