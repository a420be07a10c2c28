import Foundation
import KaderCore
import KaderEngine
import KaderRPC
import KaderServer
import KaderStore

extension DomainMethods {
    var taskMethods: [RPCMethod] {
        [
            // Writes its reply's bytes itself, not through `Codable`: lists are the largest replies.
            RPCMethod.encoded(.taskList) { call in
                let params = try call.decodeParams(TaskListParams.self)
                var reader = ParamReader()
                let region = reader.regionFilter(
                    province: params.province, regency: params.regency, district: params.district, village: params.village)
                let states = (params.state?.split(separator: ",") ?? []).compactMap {
                    reader.choice(String($0).trimmingCharacters(in: .whitespaces), field: "state", as: TaskState.self)
                }
                let workflow = reader.id(params.workflow, field: "workflow", as: WorkflowKind.self)
                let facilitator = reader.id(params.facilitator, field: "facilitator", as: FacilitatorKind.self)
                // A bare date means midnight where the listed places are; WIB when they span zones.
                let zone = region.first.flatMap { directory.timeZone(of: $0) } ?? TimeZone(identifier: "Asia/Jakarta")!
                let from = instant(params.from, field: "from", zone: zone, reader: &reader)
                // A day given as `to` is listed whole, as the CLI's --to says; a date-time is the
                // moment windows must open before.
                let to = instant(params.to, field: "to", zone: zone, reader: &reader, wholeDay: true)
                let limit = reader.limit(params.limit)
                try reader.check("the list cannot be made")
                let page = try await service.tasks(
                    matching: TaskQuery(
                        region: RegionFilter(within: region), states: states, workflow: workflow, from: from, until: to,
                        facilitator: facilitator, conflictsOnly: params.conflicts ?? false),
                    page: PageRequest(cursor: params.cursor, limit: limit))
                return TaskList(tasks: wire.tasks(page.items), nextCursor: page.nextCursor).encoded
            },
            RPCMethod(.taskGet) { call in
                let id = try taskID(call)
                let (task, history) = try await service.taskWithHistory(id)
                return TaskDetail(task: wire.task(task), history: history.map(wire.history))
            },
            RPCMethod(.taskStart) { call in
                let params = try call.decodeParams(TaskStartParams.self)
                var reader = ParamReader()
                let givenId = reader.id(params.id, field: "id", as: TaskKind.self)
                let force = reader.forced(params.force, reason: params.reason)
                let id = try reader.check("the task cannot be started", givenId)
                let task = try await service.startTask(id, force: force, caller: Self.caller(call))
                return TaskChange(task: wire.task(task))
            },
            RPCMethod(.taskComplete) { call in
                let params = try call.decodeParams(TaskCompleteParams.self)
                var reader = ParamReader()
                let givenId = reader.id(params.id, field: "id", as: TaskKind.self)
                let force = reader.forced(params.force, reason: params.reason)
                let id = try reader.check("the task cannot be completed", givenId)
                var records = params.records ?? [:]
                if let note = params.note, !note.isEmpty { records[TaskRules.noteKey] = note }
                let task = try await service.completeTask(id, records: records, force: force, caller: Self.caller(call))
                return TaskChange(task: wire.task(task))
            },
            RPCMethod(.taskCancel) { call in
                let params = try call.decodeParams(ReasonParams.self)
                var reader = ParamReader()
                let givenId = reader.id(params.id, field: "id", as: TaskKind.self)
                let id = try reader.check("no task can be found by that id", givenId)
                let task = try await service.cancelTask(id, reason: params.reason ?? "", caller: Self.caller(call))
                return TaskChange(task: wire.task(task))
            },
            RPCMethod(.taskReschedule) { call in
                let params = try call.decodeParams(TaskRescheduleParams.self)
                var reader = ParamReader()
                let givenId = reader.id(params.id, field: "id", as: TaskKind.self)
                let force = reader.forced(params.force, reason: params.reason)
                let id = try reader.check("the task cannot be rescheduled", givenId)
                let task = try await service.task(id)
                let zone = TimeZone(identifier: task.zoneIdentifier) ?? .gmt
                let start = try newStart(params.start, keeping: task.windowStart, in: zone)
                let moved = try await service.rescheduleTask(
                    id, to: start, reason: params.reason ?? "", force: force != nil, caller: Self.caller(call))
                return TaskChange(task: wire.task(moved))
            },
        ]
    }

    private func taskID(_ call: RPCCall) throws -> TaskID {
        let params = try call.decodeParams(IDParams.self)
        var reader = ParamReader()
        let givenId = reader.id(params.id, field: "id", as: TaskKind.self)
        let id = try reader.check("no task can be found by that id", givenId)
        return id
    }

    /// A date (midnight in `zone`) or a full ISO 8601 date-time with offset.
    private func instant(
        _ text: String?, field: String, zone: TimeZone, reader: inout ParamReader, wholeDay: Bool = false
    ) -> Date? {
        guard let text else { return nil }
        if text.contains("T") {
            guard let date = try? Date(text, strategy: .iso8601) else {
                reader.note(field, "'\(text)' is not a date-time with an offset (2026-12-01T09:00:00+08:00)")
                return nil
            }
            return date
        }
        return reader.localDate(text, field: field)?.adding(days: wholeDay ? 1 : 0).date(in: zone)
    }

    /// The new start of a rescheduled task: a local date-time, or a date keeping the old time of day.
    private func newStart(_ text: String, keeping old: Date, in zone: TimeZone) throws -> LocalDateTime {
        do {
            if text.contains("T") {
                let padded = text.filter { $0 == ":" }.count == 1 ? text + ":00" : text
                return try LocalDateTime(parsing: padded)
            }
            let day = try LocalDate(parsing: text)
            let time = LocalDateTime(old, in: zone)
            return try LocalDateTime(date: day, hour: time.hour, minute: time.minute, second: time.second)
        } catch {
            throw RPCError.invalidParams(
                "the new start cannot be read",
                fields: [RPCFieldError(field: "start", message: "'\(text)' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM in the village's time")])
        }
    }
}
