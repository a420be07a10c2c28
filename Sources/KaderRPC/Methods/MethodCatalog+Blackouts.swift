extension RPCMethodDescriptor {
    public static let blackoutList = RPCMethodDescriptor(
        name: "blackout.list",
        summary: "The blackouts that apply anywhere in a region in a year: the nation's, the province's, and those of "
            + "its regencies, districts and villages, each with its source (holidays.csv, a blackout file and line, a "
            + "plugin); the shipped holidays a blackout file takes back (`removal`); and the blackout files refused. "
            + "With `affected`, also the scheduled and due tasks there whose window opens on a blackout.",
        access: .read,
        params: RPCParamDescriptor.regionFilters
            + [
                .integer("year", "The year to list (default this year in the region).", minimum: 1),
                .boolean(
                    "affected",
                    "Also list the scheduled and due tasks whose window opens on a blackout, to move them "
                        + "(task.reschedule); without a year, this year's and every later one's."),
            ],
        result: .objectSchema([
            "region": ["type": "string"],
            "region_name": ["type": "string"],
            "time_zone": ["type": "string"],
            "zone": ["type": "string"],
            "from": ["type": "string", "format": "date"],
            "through": ["type": ["string", "null"], "format": "date"],
            "blackouts": [
                "type": "array",
                "items": .objectSchema([
                    "name": ["type": "string"],
                    "from": [
                        "type": "string",
                        "description": "The first day (whole days), or the first moment, ISO 8601 with the region's offset.",
                    ],
                    "until": [
                        "type": "string",
                        "description": "The last day, included (whole days), or the first moment after, with offset.",
                    ],
                    "whole_days": ["type": "boolean"],
                    "scope": ["type": "string", "enum": ["nation", "province", "regency", "district", "village"]],
                    "region": ["type": ["string", "null"]],
                    "region_name": ["type": ["string", "null"]],
                    "source": ["type": "string", "description": "holidays.csv, FILE:LINE or plugin NAME."],
                    "source_kind": ["type": "string", "enum": ["shipped", "file", "plugin"]],
                    "reference": ["type": ["string", "null"]],
                    "removal": ["type": "boolean", "description": "A shipped holiday a blackout file takes back."],
                ]),
            ],
            "affected": [
                "type": "array",
                "items": .objectSchema([
                    "task": ["title": "task"], "blackout": ["type": "string"], "source": ["type": "string"],
                ]),
            ],
            "refused": [
                "type": "array",
                "items": .objectSchema([
                    "file": ["type": "string"], "line": ["type": ["integer", "null"]], "message": ["type": "string"],
                    "kept_previous": ["type": "boolean"],
                ]),
            ],
        ]))
}
