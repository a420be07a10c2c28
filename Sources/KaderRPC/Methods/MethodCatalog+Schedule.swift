extension RPCMethodDescriptor {
    public static let schedulePreview = RPCMethodDescriptor(
        name: "schedule.preview",
        summary: "The occurrences of a recurrence rule from a local start, in a time zone or a region; "
            + "in a province, regency, district or village the blackouts there apply (moved to the next allowed day) and each moved occurrence is listed in `shifted`; "
            + "occurrences beyond the blackout data are listed in `beyond_known_blackouts`.",
        access: .read,
        params: [
            .string("rule", "RFC 5545 RRULE, e.g. FREQ=MONTHLY;BYDAY=1TU;COUNT=6.", required: true),
            .string("start", "Local date-time of the first occurrence, YYYY-MM-DDTHH:MM:SS.", required: true),
            .string("zone", "IANA time zone, e.g. Asia/Jayapura. Either zone or a region (province, regency, district, village)."),
            .string("province", "Province code, e.g. 94: its zone, with its blackouts applied."),
            .string("regency", "Regency code, e.g. 51.03: its province's zone, with the blackouts that apply there."),
            .string("district", "District code, e.g. 51.03.02: as regency."),
            .string("village", "Village code, e.g. 51.03.02.2001: as regency, its own blackouts included."),
            .integer("count", "At most this many occurrences (default 10, at most 500).", minimum: 1),
        ],
        result: .objectSchema([
            "rule": ["type": "string"],
            "occurrences": ["type": "array", "items": ["type": "string"]],
            "shifted": [
                "type": "array",
                "items": .objectSchema([
                    "index": ["type": "integer"], "from": ["type": "string"], "to": ["type": "string"],
                    "blackout": ["type": "string"],
                ]),
            ],
            "time_zone": ["type": "string"],
            "zone": ["type": "string"],
            "province": ["type": ["string", "null"]],
            "province_name": ["type": ["string", "null"]],
            "region": [
                "type": ["string", "null"],
                "description": "The regency, district or village previewed, when one was given.",
            ],
            "region_name": ["type": ["string", "null"]],
            "blackouts_known_until": [
                "type": ["string", "null"], "format": "date",
                "description": "The last day whose blackouts are known in the province: its holiday data's and plugins' last year.",
            ],
            "beyond_known_blackouts": [
                "type": "array", "items": ["type": "integer"],
                "description": "Indices of the occurrences after blackouts_known_until: a holiday there was not avoided.",
            ],
        ]))
}
