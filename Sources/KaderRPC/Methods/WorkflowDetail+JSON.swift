/// A workflow with its tasks, the tasks written as `task.list` writes them: `workflow.start`
/// answers with one, and encoding its dozen tasks through `Codable` was a tenth of the call.
/// The bytes are those `JSONWriter` writes for the `Codable` encoding; `TaskJSONTests` holds
/// the two together.
extension WorkflowDetail {
    public var encoded: EncodedJSON {
        get throws {
            var output: [UInt8] = []
            output.reserveCapacity(512 + tasks.count * 480)
            output.append(contentsOf: #"{"tasks":"#.utf8)
            TaskInfo.write(tasks, into: &output)
            output.append(contentsOf: #","workflow":"#.utf8)
            JSONWriter.write(try JSONValue(encoding: workflow), into: &output)
            output.append(UInt8(ascii: "}"))
            return EncodedJSON(written: output)
        }
    }
}
