/// Every method of the API besides `daemon.*` and `rpc.discover`: names, params, access.
extension RPCMethodDescriptor {
    // MARK: Regions

    public static let regionProvinces = RPCMethodDescriptor(
        name: "region.provinces", summary: "The 38 provinces with their codes and time zones (WIB, WITA, WIT).",
        access: .read, result: .objectSchema(["provinces": ["type": "array"]]))

    public static let regionSearch = RPCMethodDescriptor(
        name: "region.search",
        summary: "Regions by name (case and accents ignored, every word must match) or by code prefix.",
        access: .read,
        params: [
            .string("query", "A name (\"ubud\") or a code prefix (\"51.04\", or \"5104\" without dots).", required: true),
            .oneOf(
                "level", "Only regions of this level; desa, kelurahan and desa_adat also choose the kind of village.",
                ["province", "provinsi", "regency", "kabupaten", "kota", "district", "kecamatan", "distrik", "village", "desa",
                 "kelurahan", "desa_adat"]),
            .string("within", "Only regions within this one: a code, or a name only one region has (\"mengwi\")."),
            .integer("limit", "At most this many (default 20, at most 200).", minimum: 1),
            .string("cursor", "The next_cursor of the page before."),
        ],
        result: .objectSchema(["regions": ["type": "array"], "next_cursor": ["type": ["string", "null"]]]))

    // MARK: Programs

    public static let programList = RPCMethodDescriptor(
        name: "program.list", summary: "The programs that can be started (latest versions), and refused program files.",
        access: .read, result: .objectSchema(["programs": ["type": "array"], "refused": ["type": "array"]]))

    public static let programGet = RPCMethodDescriptor(
        name: "program.get", summary: "One program with its steps.", access: .read,
        params: [
            .string("id", "The program id (e.g. kpmd).", required: true),
            .integer("version", "A version; default the latest.", minimum: 1),
        ],
        result: ["type": "object"])

    // MARK: Cadres

    static let cadreFieldParams: [RPCParamDescriptor] = [
        .string("name", "Nama."),
        .oneOf("sex", "Jenis kelamin (L and P are accepted too).", ["male", "female"]),
        .integer("birth_year", "Year of birth."),
        .string("education", "Pendidikan: highest schooling."),
        .strings("courses", "Kursus: trainings attended."),
        .string("field", "Bidang (e.g. kesehatan, ekonomi)."),
        .string("village", "Village code, 10 digits (e.g. 51.08.01.2001)."),
        .string("address", "Alamat within the village."),
        .oneOf("status", "Default candidate.", ["candidate", "active", "completed", "inactive"]),
        .string("notes", "Keterangan."),
    ]

    public static let cadreRegister = RPCMethodDescriptor(
        name: "cadre.register",
        summary: "Registers a cadre (name, sex, birth_year, field, village required), or a batch in `cadres`, all or none.",
        access: .write,
        params: cadreFieldParams + [
            RPCParamDescriptor(
                name: "cadres", summary: "A batch of cadres, each with the fields above; all are registered or none.",
                required: false, schema: ["type": "array", "items": ["type": "object"]]),
            .boolean(
                "allow_duplicate",
                "Register even those whose name (case and accents ignored), sex, birth year and village match a "
                    + "registered cadre: they are other people. Without it such a registration is refused (duplicate)."),
            .boolean(
                "dry_run",
                "Check everything (fields, villages, plugins, duplicates) and register no one: the reply lists the "
                    + "cadres as they would be registered, with empty ids."),
        ],
        result: .objectSchema(["cadres": ["type": "array"]]))

    public static let cadreList = RPCMethodDescriptor(
        name: "cadre.list", summary: "Cadres in registration order, filtered by region and status.", access: .read,
        params: RPCParamDescriptor.regionFilters
            + [
                .oneOf("status", "Only cadres in this status.", ["candidate", "active", "completed", "inactive"]),
                .boolean("withdrawn", "List the withdrawn registrations instead of the register."),
            ]
            + RPCParamDescriptor.paging,
        result: .listSchema("cadres", of: "cadre"))

    public static let cadreGet = RPCMethodDescriptor(
        name: "cadre.get", summary: "One cadre with the history of its changes.", access: .read,
        params: [.string("id", "A cadre id (cdr_…).", required: true)],
        result: .objectSchema(["cadre": ["type": "object"], "history": ["type": "array"]]))

    public static let cadreUpdate = RPCMethodDescriptor(
        name: "cadre.update",
        summary: "Corrects or changes the given fields of a cadre; the history keeps each old value and the reason. "
            + "A cadre in an active workflow cannot change village.",
        access: .write,
        params: [.string("id", "A cadre id (cdr_…).", required: true)] + cadreFieldParams
            + [.string("reason", "Why, for the history (\"salah ketik nama\").")],
        result: .objectSchema(["cadre": ["type": "object"]]))

    public static let cadreWithdraw = RPCMethodDescriptor(
        name: "cadre.withdraw",
        summary: "Withdraws a registration entered in error: it leaves the register and the Buku Kader's numbering, "
            + "stays in the history, and the cadre's active workflows are cancelled (or, in a cohort, go on without them).",
        access: .write,
        params: [
            .string("id", "A cadre id (cdr_…).", required: true),
            .string("reason", "Why the registration was wrong (\"duplikat impor\").", required: true),
        ],
        result: .objectSchema([
            "cadre": ["type": "object"], "cancelled_workflows": ["type": "array"], "left_workflows": ["type": "array"],
        ]))

    // MARK: Workflows

    public static let workflowStart = RPCMethodDescriptor(
        name: "workflow.start",
        summary: "Starts a program for one cadre or a cohort of one village; plans its tasks in the village's time.",
        access: .write,
        params: [
            .string("program", "Program id (default kpmd)."),
            .integer("version", "Program version (default the latest).", minimum: 1),
            .string("cadre", "One cadre id…"),
            .strings("cadres", "…or the cadre ids of a cohort of one village."),
            .string(
                "facilitator_id",
                "The registered facilitator (fac_…) who mentors this run; default the one assigned to the village on "
                    + "the start date. The tasks they attend are placed within their capacity and working days."),
            .string("facilitator", "A facilitator's name as free text, for one not in the register."),
            .string("start_date", "The first day, YYYY-MM-DD.", required: true),
        ],
        result: .objectSchema(["workflow": ["type": "object"], "tasks": ["type": "array"]]))

    public static let workflowList = RPCMethodDescriptor(
        name: "workflow.list", summary: "Workflows, filtered by region, state and cadre.", access: .read,
        params: RPCParamDescriptor.regionFilters
            + [
                .oneOf("state", "Only workflows in this state.", ["active", "completed", "cancelled"]),
                .string("cadre", "Only workflows of this cadre."),
            ] + RPCParamDescriptor.paging,
        result: .listSchema("workflows", of: "workflow"))

    public static let workflowGet = RPCMethodDescriptor(
        name: "workflow.get", summary: "One workflow with all its tasks.", access: .read,
        params: [.string("id", "A workflow id (wf_…).", required: true)],
        result: .objectSchema(["workflow": ["type": "object"], "tasks": ["type": "array"]]))

    public static let workflowCancel = RPCMethodDescriptor(
        name: "workflow.cancel", summary: "Cancels a workflow and every task of it that has not ended.", access: .write,
        params: [.string("id", "A workflow id (wf_…).", required: true), .string("reason", "Why, for the history.")],
        result: .objectSchema(["workflow": ["type": "object"], "tasks": ["type": "array"]]))

    // MARK: Tasks

    public static let taskList = RPCMethodDescriptor(
        name: "task.list", summary: "Tasks in the order their windows open, filtered by region, state, workflow and time.",
        access: .read,
        params: RPCParamDescriptor.regionFilters
            + [
                .string("state", "One state or several, comma-separated (scheduled,due,in_progress,done,missed,cancelled,failed)."),
                .string("workflow", "Only tasks of this workflow."),
                .string("from", "Windows opening at or after: YYYY-MM-DD (midnight in the region's zone) or date-time with offset."),
                .string("to", "Windows opening on or before this day (YYYY-MM-DD, the whole day), or before this date-time with offset."),
                .string("facilitator", "Only tasks this facilitator (fac_…) attends."),
                .boolean("conflicts", "Only tasks that did not fit their facilitator's week (capacity, working days)."),
            ] + RPCParamDescriptor.paging,
        result: .listSchema("tasks", of: "task"))

    public static let taskGet = RPCMethodDescriptor(
        name: "task.get", summary: "One task with the history of its changes.", access: .read,
        params: [.string("id", "A task id (tsk_…).", required: true)],
        result: .objectSchema(["task": ["type": "object"], "history": ["type": "array"]]))

    /// Starting or completing a task before the steps it comes after have ended.
    static let forceParams: [RPCParamDescriptor] = [
        .boolean("force", "Even though the steps this one comes after have not ended; needs a reason."),
        .string("reason", "Why it happened out of order, for the history; required with force."),
    ]

    public static let taskStart = RPCMethodDescriptor(
        name: "task.start", summary: "Marks a task in progress, once the steps it comes after have ended.", access: .write,
        params: [.string("id", "A task id (tsk_…).", required: true)] + forceParams, result: .objectSchema(["task": ["type": "object"]]))

    public static let taskComplete = RPCMethodDescriptor(
        name: "task.complete",
        summary: "Marks a task done, once the steps it comes after have ended, with what its step records.",
        access: .write,
        params: [
            .string("id", "A task id (tsk_…).", required: true),
            RPCParamDescriptor(
                name: "records",
                summary: "What the step records, its keys only (a decree: decree_number, decree_date); a *_date is "
                    + "YYYY-MM-DD, not after today in the village.",
                required: false, schema: ["type": "object", "additionalProperties": ["type": "string"]]),
            .string("note", "A remark, kept with the records."),
        ] + forceParams,
        result: .objectSchema(["task": ["type": "object"]]))

    public static let taskCancel = RPCMethodDescriptor(
        name: "task.cancel", summary: "Cancels a task that has not ended.", access: .write,
        params: [.string("id", "A task id (tsk_…).", required: true), .string("reason", "Why, for the history.")],
        result: .objectSchema(["task": ["type": "object"]]))

    public static let taskReschedule = RPCMethodDescriptor(
        name: "task.reschedule",
        summary: "Moves a scheduled or due task's window, keeping its length, its place among its step's occurrences "
            + "and off blackouts.",
        access: .write,
        params: [
            .string("id", "A task id (tsk_…).", required: true),
            .string("start", "New start in the village's time: YYYY-MM-DDTHH:MM, or YYYY-MM-DD to keep the time.", required: true),
            .string("reason", "Why, for the history; required with force."),
            .boolean("force", "Onto a blackout all the same."),
        ],
        result: .objectSchema(["task": ["type": "object"]]))

    // MARK: Reports

    public static let reportKaderBook = RPCMethodDescriptor(
        name: "report.kader_book",
        summary: "The Buku Kader Pemberdayaan Masyarakat of a village (Permendagri 47/2016 columns).",
        access: .read,
        params: [.string("village", "Village code (e.g. 51.08.01.2001).", required: true)],
        result: .objectSchema(["village": ["type": "object"], "columns": ["type": "array"], "rows": ["type": "array"]]))

    public static let reportProgress = RPCMethodDescriptor(
        name: "report.progress",
        summary: "Where cadre development stands: a row for each region one level down (each province for the "
            + "whole country) with villages, villages with KPMD, cadres, active workflows by step, tasks done, "
            + "missed and overdue, the on-time rate and facilitators; and their total.",
        access: .read,
        params: [
            .string("province", "A province: a row for each of its regencies. A code or a name."),
            .string("regency", "A regency (kabupaten/kota): a row for each of its districts."),
            .string("district", "A district (kecamatan): a row for each of its villages."),
            .string("as_of", "A day (YYYY-MM-DD, not after today): counts as they stood at its end in each village's zone."),
        ],
        result: .objectSchema([
            "region": ["type": ["object", "null"]], "row_level": ["type": "string"], "as_of": ["type": ["string", "null"]],
            "made_at": ["type": "string"], "rows": ["type": "array"], "total": ["type": "object"],
            "months": ["type": "array"],
        ]))
}
