import Foundation
import KaderCore
import KaderEngine
import KaderRPC
import KaderServer

extension DomainMethods {
    var taskMethods: [RPCMethod] {
        [
            // Writes its reply's bytes itself, not through `Codable`: lists are the largest replies.
            encodedMethod(.taskList) { (input: TaskInput.List, _) in
                let page = try await service.tasks(matching: input.query, page: input.page)
                return TaskList(tasks: wire.tasks(page.items), nextCursor: page.nextCursor).encoded
            },
            method(.taskGet) { (input: IDInput<TaskKind>, _) in
                let (task, history) = try await service.taskWithHistory(input.id)
                return TaskDetail(task: wire.task(task), history: history.map(wire.history))
            },
            method(.taskStart) { (input: TaskInput.Start, call) in
                let task = try await service.startTask(input.id, force: input.force, caller: Self.caller(call))
                return TaskChange(task: wire.task(task))
            },
            method(.taskComplete) { (input: TaskInput.Complete, call) in
                let task = try await service.completeTask(
                    input.id, records: input.records, force: input.force, caller: Self.caller(call))
                return TaskChange(task: wire.task(task))
            },
            method(.taskCancel) { (input: TaskInput.Cancel, call) in
                let task = try await service.cancelTask(input.id, reason: input.reason, caller: Self.caller(call))
                return TaskChange(task: wire.task(task))
            },
            method(.taskReschedule) { (input: TaskInput.Reschedule, call) in
                let task = try await service.task(input.id)
                let zone = TimeZone(identifier: task.zoneIdentifier) ?? .gmt
                let moved = try await service.rescheduleTask(
                    input.id, to: input.start.dateTime(keeping: task.windowStart, in: zone), reason: input.reason,
                    force: input.force, caller: Self.caller(call))
                return TaskChange(task: wire.task(moved))
            },
        ]
    }
}
