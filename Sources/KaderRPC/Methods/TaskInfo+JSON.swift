/// Tasks as JSON built member by member: the `Codable` encoder spent a quarter of a
/// `task.list` call on a page of them. The result is the same value the encoder makes,
/// keys in the same (UTF-8) order; `TaskJSONTests` holds the two together.
extension TaskInfo {
    public var json: JSONValue {
        let values: [JSONValue] = [
            .string(id), .string(kind), .number(JSONNumber(occurrence)), .number(JSONNumber(occurrences)),
            .object(recordsJSON), .string(state), .string(step), .string(timeZone), .string(title),
            .string(ISO8601Text.utc(updatedAt)), .string(village), .string(villageName),
            .string(windowEnd), .string(windowStart), .string(workflow), .string(zone),
        ]
        var members = Self.members
        for index in values.indices { members.values[index] = values[index] }
        return .object(members)
    }

    /// Records in UTF-8 order of their keys, as the encoder sorts them.
    private var recordsJSON: JSONObject {
        guard !records.isEmpty else { return [:] }
        let keys = records.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return JSONObject(uncheckedUniqueKeys: keys, values: keys.map { .string(records[$0]!) })
    }

    /// The `CodingKeys` in UTF-8 order, with values to be replaced. Sixteen keys are one more
    /// than an `OrderedDictionary` keeps without a hash table: a copy of this one shares its
    /// table, where building each task's object anew hashed all sixteen keys again.
    private static let members = JSONObject(
        uniqueKeys: [
            CodingKeys.id, .kind, .occurrence, .occurrences, .records, .state, .step, .timeZone, .title, .updatedAt,
            .village, .villageName, .windowEnd, .windowStart, .workflow, .zone,
        ].map(\.stringValue),
        values: repeatElement(JSONValue.null, count: 16))
}

extension TaskList {
    public var json: JSONValue {
        var object: JSONObject = [:]
        if let nextCursor { object[CodingKeys.nextCursor.stringValue] = .string(nextCursor) }
        object[CodingKeys.tasks.stringValue] = .array(tasks.map(\.json))
        return .object(object)
    }
}
