extension RPCMethodDescriptor {
    public static let calendarExport = RPCMethodDescriptor(
        name: "calendar.export",
        summary: "An iCalendar file (RFC 5545) of the tasks of a village or a workflow, for phones and calendar "
            + "programs: one event per task in the village's own time (TZID with a VTIMEZONE), a UID that stays the "
            + "task's, a SEQUENCE raised by every reschedule and by a cancellation, STATUS:CANCELLED for cancelled "
            + "tasks. Importing a newer export updates the events of an older one.",
        access: .read,
        params: [
            .string("village", "Every task in this village (code, e.g. 51.03.02.2001); give village or workflow."),
            .string("workflow", "Every task of this workflow (wf_…); give village or workflow."),
            .string("facilitator", "Every task this facilitator (fac_…) attends: their agenda."),
            .string("from", "Only tasks opening on or after this day, YYYY-MM-DD in the village's calendar."),
            .string("to", "Only tasks opening on or before this day (included), YYYY-MM-DD as from."),
        ],
        result: .objectSchema([
            "calendar": [
                "type": "string",
                "description": "The .ics text: CRLF line ends, lines folded at 75 octets, to be saved as it is.",
            ],
            "events": ["type": "integer", "description": "How many events (tasks) it holds."],
        ]))
}
