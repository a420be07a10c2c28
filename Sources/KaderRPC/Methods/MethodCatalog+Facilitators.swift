/// The facilitator register: Pendamping Desa, their posts and the villages they cover.
extension RPCMethodDescriptor {
    static let facilitatorFieldParams: [RPCParamDescriptor] = [
        .string("name", "Full name."),
        .oneOf("role", "The post.", ["pendamping_lokal_desa", "pendamping_desa", "tenaga_ahli"]),
        .string("phone", "Telephone (kept out of logs and the history)."),
        .string("email", "E-mail (kept out of logs and the history)."),
        .integer("capacity", "Villages a day (default 1).", minimum: 1),
        .strings("working_days", "Weekdays worked, e.g. [\"monday\", …] (default monday to friday)."),
    ]

    public static let facilitatorRegister = RPCMethodDescriptor(
        name: "facilitator.register", summary: "Registers a facilitator (name and role required).", access: .write,
        params: facilitatorFieldParams, result: .objectSchema(["facilitator": ["type": "object"]]))

    public static let facilitatorList = RPCMethodDescriptor(
        name: "facilitator.list", summary: "Facilitators in registration order, of one role when given.", access: .read,
        params: [.oneOf("role", "Only this post.", ["pendamping_lokal_desa", "pendamping_desa", "tenaga_ahli"])],
        result: .objectSchema(["facilitators": ["type": "array"]]))

    public static let facilitatorGet = RPCMethodDescriptor(
        name: "facilitator.get", summary: "One facilitator with their assignments and history.", access: .read,
        params: [.string("id", "A facilitator id (fac_…).", required: true)],
        result: .objectSchema([
            "facilitator": ["type": "object"], "assignments": ["type": "array"], "history": ["type": "array"],
        ]))

    public static let facilitatorUpdate = RPCMethodDescriptor(
        name: "facilitator.update", summary: "Changes the given fields of a facilitator.", access: .write,
        params: [.string("id", "A facilitator id (fac_…).", required: true)] + facilitatorFieldParams
            + [.string("reason", "Why, for the history.")],
        result: .objectSchema(["facilitator": ["type": "object"]]))

    public static let facilitatorAssign = RPCMethodDescriptor(
        name: "facilitator.assign",
        summary: "Assigns a village, or every village of a district, to a facilitator from a day. Another "
            + "facilitator's assignment of the same region ends the day before, and the region's active workflows "
            + "pass to this facilitator.",
        access: .write,
        params: [
            .string("id", "A facilitator id (fac_…).", required: true),
            .string("region", "A village (51.03.02.2001) or district (51.03.02) code.", required: true),
            .string("from", "The first day, YYYY-MM-DD.", required: true),
            .string("until", "The last day, YYYY-MM-DD (default: until reassigned)."),
            .string("reason", "Why, for the history (a new contract year)."),
        ],
        result: .objectSchema(["assignment": ["type": "object"], "ended": ["type": "array"], "workflows": ["type": "array"]]))

    public static let facilitatorAgenda = RPCMethodDescriptor(
        name: "facilitator.agenda",
        summary: "A facilitator's tasks day by day, each in its village's time, with the cadres; conflicts marked.",
        access: .read,
        params: [
            .string("id", "A facilitator id (fac_…).", required: true),
            .string("from", "The first day, YYYY-MM-DD (default today, WIB)."),
            .string("to", "The last day, YYYY-MM-DD (default 30 days after from)."),
        ],
        result: .objectSchema(["facilitator": ["type": "object"], "items": ["type": "array"]]))
}
