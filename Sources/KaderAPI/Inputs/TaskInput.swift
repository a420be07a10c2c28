import Foundation
import KaderCore
import KaderEngine
import KaderRPC
import KaderStore

/// The checked inputs of the `task.*` methods.
enum TaskInput {
    struct List: MethodInput {
        let query: TaskQuery
        let page: PageRequest

        init(_ params: TaskListParams, in directory: RegionDirectory) throws(RPCError) {
            var reader = ParamReader()
            let region = reader.regionFilter(
                province: params.province, regency: params.regency, district: params.district, village: params.village,
                directory: directory)
            let states = (params.state?.split(separator: ",") ?? []).compactMap {
                reader.choice(String($0).trimmingCharacters(in: .whitespaces), field: "state", as: TaskState.self)
            }
            let workflow = reader.id(params.workflow, field: "workflow", as: WorkflowKind.self)
            let facilitator = reader.id(params.facilitator, field: "facilitator", as: FacilitatorKind.self)
            // A bare date means midnight where the listed places are; WIB when they span zones.
            let zone = region.first.flatMap { directory.timeZone(of: $0) } ?? TimeZone(identifier: "Asia/Jakarta")!
            let from = reader.instant(params.from, field: "from", zone: zone)
            // A day given as `to` is listed whole, as the CLI's --to says; a date-time is the
            // moment windows must open before.
            let to = reader.instant(params.to, field: "to", zone: zone, wholeDay: true)
            let limit = reader.limit(params.limit)
            try reader.check("the list cannot be made")
            query = TaskQuery(
                region: RegionFilter(within: region), states: states, workflow: workflow, from: from, until: to,
                facilitator: facilitator, conflictsOnly: params.conflicts ?? false)
            page = PageRequest(cursor: params.cursor, limit: limit)
        }
    }

    struct Start: MethodInput {
        let id: TaskID
        /// The reason the rules are set aside; nil when not forced.
        let force: String?

        init(_ params: TaskStartParams, in directory: RegionDirectory) throws(RPCError) {
            var reader = ParamReader()
            let id = reader.id(params.id, field: "id", as: TaskKind.self)
            force = reader.forced(params.force, reason: params.reason)
            self.id = try reader.check("the task cannot be started", id)
        }
    }

    struct Complete: MethodInput {
        let id: TaskID
        /// What the step records, with the note under `TaskRules.noteKey`.
        let records: [String: String]
        let force: String?

        init(_ params: TaskCompleteParams, in directory: RegionDirectory) throws(RPCError) {
            var reader = ParamReader()
            let id = reader.id(params.id, field: "id", as: TaskKind.self)
            force = reader.forced(params.force, reason: params.reason)
            self.id = try reader.check("the task cannot be completed", id)
            var records = params.records ?? [:]
            if let note = params.note, !note.isEmpty { records[TaskRules.noteKey] = note }
            self.records = records
        }
    }

    struct Cancel: MethodInput {
        let id: TaskID
        let reason: String

        init(_ params: ReasonParams, in directory: RegionDirectory) throws(RPCError) {
            var reader = ParamReader()
            let id = reader.id(params.id, field: "id", as: TaskKind.self)
            self.id = try reader.check("no task can be found by that id", id)
            reason = params.reason ?? ""
        }
    }

    struct Reschedule: MethodInput {
        /// The new start in the village's time, whose zone only the task knows.
        enum NewStart: Sendable {
            case at(LocalDateTime)
            /// That day, at the task's old time of day.
            case on(LocalDate)

            func dateTime(keeping old: Date, in zone: TimeZone) throws -> LocalDateTime {
                switch self {
                case .at(let time):
                    return time
                case .on(let day):
                    let time = LocalDateTime(old, in: zone)
                    return try LocalDateTime(date: day, hour: time.hour, minute: time.minute, second: time.second)
                }
            }
        }

        let id: TaskID
        let start: NewStart
        let reason: String
        let force: Bool

        init(_ params: TaskRescheduleParams, in directory: RegionDirectory) throws(RPCError) {
            var reader = ParamReader()
            let id = reader.id(params.id, field: "id", as: TaskKind.self)
            let forced = reader.forced(params.force, reason: params.reason)
            let start = Self.newStart(params.start)
            if start == nil {
                reader.note(
                    "start", "'\(params.start)' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM in the village's time")
            }
            (self.id, self.start) = try reader.check("the task cannot be rescheduled", id, start)
            reason = params.reason ?? ""
            force = forced != nil
        }

        private static func newStart(_ text: String) -> NewStart? {
            if text.contains("T") {
                let padded = text.filter { $0 == ":" }.count == 1 ? text + ":00" : text
                return (try? LocalDateTime(parsing: padded)).map(NewStart.at)
            }
            return (try? LocalDate(parsing: text)).map(NewStart.on)
        }
    }
}

extension ParamReader {
    /// A date (midnight in `zone`, or the midnight after it for `wholeDay`) or a full ISO
    /// 8601 date-time with offset.
    fileprivate mutating func instant(_ text: String?, field: String, zone: TimeZone, wholeDay: Bool = false) -> Date? {
        guard let text else { return nil }
        if text.contains("T") {
            guard let date = try? Date(text, strategy: .iso8601) else {
                note(field, "'\(text)' is not a date-time with an offset (2026-12-01T09:00:00+08:00)")
                return nil
            }
            return date
        }
        return localDate(text, field: field)?.adding(days: wholeDay ? 1 : 0).date(in: zone)
    }
}
