import KaderCore

/// The JSON shapes of the hooks, as kader_plugin.h documents them.
enum PluginMessages {
    struct PlanRequest: Encodable {
        struct Step: Encodable {
            var id: String
            var kind: String
            var title: String
            var after: [String]
            var offset_days: Int
            var duration_days: Int
            var time: String
            var recurrence: String?
        }

        struct ProgramBody: Encodable {
            var id: String
            var version: Int
            var steps: [Step]
        }

        var province: String
        var village: String
        var village_kind: String?
        var program: ProgramBody

        init(program: Program, village: RegionCode) {
            province = village.province.description
            self.village = village.description
            village_kind = village.villageKind?.rawValue
            self.program = ProgramBody(
                id: program.id, version: program.version,
                steps: program.steps.map { step in
                    Step(
                        id: step.id, kind: step.kind.rawValue, title: step.title, after: step.after,
                        offset_days: step.offsetDays, duration_days: step.durationDays, time: step.time.description,
                        recurrence: step.recurrence?.description)
                })
        }
    }

    struct PlanReply: Decodable {
        struct NewStep: Decodable {
            var id: String
            var kind: String
            var title: String
            var offset_days: Int?
            var duration_days: Int?
            var time: String?
        }

        struct Edit: Decodable {
            var op: String
            var step: EditStep?
            var title: String?
            var days: Int?
            var before: String?
            var after: String?
        }

        /// `step` is a step id for rename/remove/lengthen, a whole new step for insert.
        enum EditStep: Decodable {
            case id(String)
            case new(NewStep)

            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let id = try? container.decode(String.self) {
                    self = .id(id)
                } else {
                    self = .new(try container.decode(NewStep.self))
                }
            }
        }

        var edits: [Edit]

        /// The edits in the domain's terms; a malformed one is named.
        func programEdits() throws(ProgramEditError) -> [ProgramEdit] {
            try edits.map { edit throws(ProgramEditError) -> ProgramEdit in
                switch (edit.op, edit.step) {
                case ("rename", .id(let id)?):
                    guard let title = edit.title, !title.isEmpty else { throw ProgramEditError(description: "rename \(id) has no title") }
                    return .rename(step: id, title: title)
                case ("remove", .id(let id)?):
                    return .remove(step: id)
                case ("lengthen", .id(let id)?):
                    return .lengthen(step: id, days: edit.days ?? 0)
                case ("insert", .new(let new)?):
                    var time = ProgramStep.defaultTime
                    if let text = new.time {
                        guard let parsed = TimeOfDay(parsing: text) else {
                            throw ProgramEditError(description: "insert \(new.id): '\(text)' is not a time of day")
                        }
                        time = parsed
                    }
                    let step = ProgramStep(
                        id: new.id, kind: StepKind(rawValue: new.kind), title: new.title, offsetDays: new.offset_days ?? 0,
                        durationDays: new.duration_days ?? 1, time: time)
                    if let before = edit.before { return .insertBefore(before, step) }
                    if let after = edit.after { return .insertAfter(after, step) }
                    throw ProgramEditError(description: "insert \(new.id) names neither before nor after")
                default:
                    throw ProgramEditError(description: "'\(edit.op)' with that step is not an edit kaderd knows")
                }
            }
        }
    }

    struct ValidateRequest: Encodable {
        struct CadreBody: Encodable {
            var name: String
            var sex: String
            var birth_year: Int
            var education: String
            var courses: [String]
            var field: String
            var village: String
            var address: String
            var status: String
            var notes: String
        }

        var cadre: CadreBody

        init(_ draft: CadreDraft) {
            cadre = CadreBody(
                name: draft.name, sex: draft.sex.rawValue, birth_year: draft.birthYear, education: draft.education,
                courses: draft.courses, field: draft.field, village: draft.village.description,
                address: draft.address, status: draft.status.rawValue, notes: draft.notes)
        }
    }

    struct ValidateReply: Decodable {
        struct Problem: Decodable {
            var field: String
            var message: String
        }

        var problems: [Problem]
    }

    struct TransitionRequest: Encodable {
        struct TaskBody: Encodable {
            var id: String
            var workflow: String
            var step: String
            var kind: String
            var title: String
            var village: String
            var from: String
            var to: String
        }

        var task: TaskBody

        init(_ task: WorkflowTask, from: TaskState, to: TaskState) {
            self.task = TaskBody(
                id: task.id.rawValue, workflow: task.workflowID.rawValue, step: task.stepID, kind: task.kind.rawValue,
                title: task.title, village: task.village.description, from: from.rawValue, to: to.rawValue)
        }
    }

    struct TransitionReply: Decodable {
        struct FollowUp: Decodable {
            var step: String
            var kind: String
            var title: String
            var offset_days: Int?
            var duration_days: Int?
        }

        var follow_ups: [FollowUp]
    }

    struct BlackoutsRequest: Encodable {
        var province: String
        var year: Int
    }

    struct BlackoutsReply: Decodable {
        struct Entry: Decodable {
            var name: String
            var from: String
            var until: String
        }

        var blackouts: [Entry]
    }
}
