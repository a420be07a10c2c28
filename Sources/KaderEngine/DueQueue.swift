import Foundation
import KaderStore

/// The deadlines of the near future, soonest first: a binary min-heap. Only a horizon of
/// hours is held, so a store of a million tasks costs the daemon little memory.
struct DueQueue {
    private var heap: [TaskDeadline] = []

    init(_ deadlines: [TaskDeadline] = []) {
        for deadline in deadlines { push(deadline) }
    }

    var next: TaskDeadline? { heap.first }
    var count: Int { heap.count }

    mutating func push(_ deadline: TaskDeadline) {
        heap.append(deadline)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].at < heap[parent].at else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns every deadline at or before `now`, in time order.
    mutating func popAll(through now: Date) -> [TaskDeadline] {
        var popped: [TaskDeadline] = []
        while let first = heap.first, first.at <= now {
            popped.append(first)
            heap.swapAt(0, heap.count - 1)
            heap.removeLast()
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < heap.count, heap[left].at < heap[smallest].at { smallest = left }
                if right < heap.count, heap[right].at < heap[smallest].at { smallest = right }
                if smallest == parent { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return popped
    }
}
