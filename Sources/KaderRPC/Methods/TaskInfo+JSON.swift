/// Tasks written straight to bytes: lists of them are the largest replies, and building each
/// task as a `JSONValue` and then writing it was most of a `task.list` call. The bytes are
/// those `JSONWriter` writes for the `Codable` encoding, keys in the same (UTF-8) order;
/// `TaskJSONTests` holds the two together.
extension TaskInfo {
    public func write(into output: inout [UInt8]) {
        /// A member: its key with the separator before it (`,"kind":`), then its value.
        func member(_ key: String, _ value: String) {
            output.append(contentsOf: key.utf8)
            JSONWriter.writeString(value, into: &output)
        }
        // Keys in UTF-8 order: the optional two come before `id`.
        output.append(UInt8(ascii: "{"))
        if let conflict { member(#""conflict":"#, conflict); output.append(UInt8(ascii: ",")) }
        if let facilitator { member(#""facilitator":"#, facilitator); output.append(UInt8(ascii: ",")) }
        member(#""id":"#, id)
        member(#","kind":"#, kind)
        func member(_ key: String, _ value: Int) {
            output.append(contentsOf: key.utf8)
            output.append(contentsOf: String(value).utf8)
        }
        member(#","occurrence":"#, occurrence)
        member(#","occurrences":"#, occurrences)
        output.append(contentsOf: #","records":"#.utf8)
        writeRecords(into: &output)
        member(#","state":"#, state)
        member(#","step":"#, step)
        member(#","time_zone":"#, timeZone)
        member(#","title":"#, title)
        member(#","updated_at":"#, ISO8601Text.utc(updatedAt))
        member(#","village":"#, village)
        member(#","village_name":"#, villageName)
        member(#","window_end":"#, windowEnd)
        member(#","window_start":"#, windowStart)
        member(#","workflow":"#, workflow)
        member(#","zone":"#, zone)
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
        // Always written, null on the last page, as the schema says.
        output.append(contentsOf: #""next_cursor":"#.utf8)
        if let nextCursor {
            JSONWriter.writeString(nextCursor, into: &output)
        } else {
            output.append(contentsOf: "null".utf8)
        }
        output.append(UInt8(ascii: ","))
        output.append(contentsOf: #""tasks":"#.utf8)
        TaskInfo.write(tasks, into: &output)
        output.append(UInt8(ascii: "}"))
        return EncodedJSON(written: output)
    }
}
