/// Tasks written straight to bytes: lists of them are the largest replies, and building each
/// task as a `JSONValue` and then writing it was most of a `task.list` call. The bytes are
/// those `JSONWriter` writes for the `Codable` encoding, keys in the same (UTF-8) order;
/// `TaskJSONTests` holds the two together.
extension TaskInfo {
    public func write(into output: inout [UInt8]) {
        output.append(contentsOf: #"{"id":"#.utf8)
        JSONWriter.writeString(id, into: &output)
        output.append(contentsOf: #","kind":"#.utf8)
        JSONWriter.writeString(kind, into: &output)
        output.append(contentsOf: #","occurrence":"#.utf8)
        output.append(contentsOf: String(occurrence).utf8)
        output.append(contentsOf: #","occurrences":"#.utf8)
        output.append(contentsOf: String(occurrences).utf8)
        output.append(contentsOf: #","records":"#.utf8)
        writeRecords(into: &output)
        output.append(contentsOf: #","state":"#.utf8)
        JSONWriter.writeString(state, into: &output)
        output.append(contentsOf: #","step":"#.utf8)
        JSONWriter.writeString(step, into: &output)
        output.append(contentsOf: #","time_zone":"#.utf8)
        JSONWriter.writeString(timeZone, into: &output)
        output.append(contentsOf: #","title":"#.utf8)
        JSONWriter.writeString(title, into: &output)
        output.append(contentsOf: #","updated_at":"#.utf8)
        JSONWriter.writeString(ISO8601Text.utc(updatedAt), into: &output)
        output.append(contentsOf: #","village":"#.utf8)
        JSONWriter.writeString(village, into: &output)
        output.append(contentsOf: #","village_name":"#.utf8)
        JSONWriter.writeString(villageName, into: &output)
        output.append(contentsOf: #","window_end":"#.utf8)
        JSONWriter.writeString(windowEnd, into: &output)
        output.append(contentsOf: #","window_start":"#.utf8)
        JSONWriter.writeString(windowStart, into: &output)
        output.append(contentsOf: #","workflow":"#.utf8)
        JSONWriter.writeString(workflow, into: &output)
        output.append(contentsOf: #","zone":"#.utf8)
        JSONWriter.writeString(zone, into: &output)
        output.append(UInt8(ascii: "}"))
    }

    /// Records in UTF-8 order of their keys, as the encoder sorts them.
    private func writeRecords(into output: inout [UInt8]) {
        output.append(UInt8(ascii: "{"))
        let keys = records.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for (position, key) in keys.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            JSONWriter.writeString(key, into: &output)
            output.append(UInt8(ascii: ":"))
            JSONWriter.writeString(records[key]!, into: &output)
        }
        output.append(UInt8(ascii: "}"))
    }

    static func write(_ tasks: [TaskInfo], into output: inout [UInt8]) {
        output.append(UInt8(ascii: "["))
        for (position, task) in tasks.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            task.write(into: &output)
        }
        output.append(UInt8(ascii: "]"))
    }
}

extension TaskList {
    public var encoded: EncodedJSON {
        var output: [UInt8] = []
        output.reserveCapacity(64 + tasks.count * 480)
        output.append(UInt8(ascii: "{"))
        if let nextCursor {
            output.append(contentsOf: #""next_cursor":"#.utf8)
            JSONWriter.writeString(nextCursor, into: &output)
            output.append(UInt8(ascii: ","))
        }
        output.append(contentsOf: #""tasks":"#.utf8)
        TaskInfo.write(tasks, into: &output)
        output.append(UInt8(ascii: "}"))
        return EncodedJSON(written: output)
    }
}
