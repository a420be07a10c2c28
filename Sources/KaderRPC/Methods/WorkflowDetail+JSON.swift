/// A workflow with its tasks, built with the tasks' hand-made JSON: `workflow.start`
/// answers with one, and encoding its dozen tasks through `Codable` was a tenth of the call.
/// Keys in UTF-8 order, as the encoder sorts them; `TaskJSONTests` holds the two together.
extension WorkflowDetail {
    public var json: JSONValue {
        get throws {
            [
                "tasks": .array(tasks.map(\.json)),
                "workflow": try JSONValue(encoding: workflow),
            ]
        }
    }
}
