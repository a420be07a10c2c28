import OrderedCollections

/// Short forms for the param shapes the API uses again and again.
extension RPCParamDescriptor {
    public static func string(_ name: String, _ summary: String, required: Bool = false) -> Self {
        Self(name: name, summary: summary, required: required, schema: ["type": "string"])
    }

    public static func integer(_ name: String, _ summary: String, required: Bool = false, minimum: Int? = nil) -> Self {
        var schema: JSONObject = ["type": "integer"]
        if let minimum { schema["minimum"] = .number(JSONNumber(minimum)) }
        return Self(name: name, summary: summary, required: required, schema: .object(schema))
    }

    public static func boolean(_ name: String, _ summary: String, required: Bool = false) -> Self {
        Self(name: name, summary: summary, required: required, schema: ["type": "boolean"])
    }

    public static func strings(_ name: String, _ summary: String, required: Bool = false) -> Self {
        Self(name: name, summary: summary, required: required, schema: ["type": "array", "items": ["type": "string"]])
    }

    public static func oneOf(_ name: String, _ summary: String, _ values: [String], required: Bool = false) -> Self {
        Self(
            name: name, summary: summary, required: required,
            schema: ["type": "string", "enum": .array(values.map(JSONValue.string))])
    }

    /// The region filters every list takes, and its cursor and limit.
    public static let regionFilters: [Self] = [
        .string("province", "Only within this province (e.g. 51)."),
        .string("regency", "Only within this regency (e.g. 51.08)."),
        .string("district", "Only within this district (e.g. 51.08.01)."),
        .string("village", "Only this village (e.g. 51.08.01.2001)."),
    ]

    public static let paging: [Self] = [
        .string("cursor", "next_cursor of the previous page."),
        .integer("limit", "Items per page (1–1000, default 100).", minimum: 1),
    ]
}

extension JSONValue {
    /// A JSON Schema object with the given properties (each a schema), for results.
    public static func objectSchema(_ properties: KeyValuePairs<String, JSONValue>) -> JSONValue {
        var members = JSONObject()
        for (name, schema) in properties { members[name] = schema }
        return ["type": "object", "properties": .object(members)]
    }

    public static func listSchema(_ key: String, of item: String) -> JSONValue {
        [
            "type": "object",
            "properties": [
                key: ["type": "array", "items": ["title": .string(item)]], "next_cursor": ["type": ["string", "null"]],
            ],
        ]
    }
}
