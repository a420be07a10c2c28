extension RPCMethodDescriptor {
    static let importParam = RPCParamDescriptor.string(
        "import", "The import's name, chosen by the client (1 to 128 letters, digits, -_.:); the first chunk opens it.",
        required: true)

    public static let cadreImportStage = RPCMethodDescriptor(
        name: "cadre.import_stage",
        summary: "Checks one chunk of a large import (every check of cadre.register but duplicates) and keeps it in "
            + "kaderd's memory, registering no one: a sheet too large for one request is sent in chunks, then "
            + "registered all or none by cadre.import_commit. An import left alone for 30 minutes is dropped.",
        access: .write,
        params: [
            importParam,
            .integer("first", "The index of the chunk's first row in the whole import (0 for the first chunk); "
                + "problems name rows by it (cadres[INDEX].FIELD). A chunk sent again is not kept twice.",
                required: true, minimum: 0),
            RPCParamDescriptor(
                name: "cadres", summary: "The chunk's cadres, each with the fields of cadre.register.",
                required: true, schema: ["type": "array", "items": ["type": "object"]]),
        ],
        result: .objectSchema(["import": ["type": "string"], "staged": ["type": "integer"], "cadres": ["type": "array"]]))

    public static let cadreImportCommit = RPCMethodDescriptor(
        name: "cadre.import_commit",
        summary: "Registers every cadre an import staged, in one transaction, all or none (duplicates are checked "
            + "here, across the whole import), and closes the import. The reply has their ids in row order.",
        access: .write,
        params: [
            importParam,
            .integer("rows", "How many rows the client sent: a commit of an import missing some is refused.",
                required: true, minimum: 1),
            .boolean("allow_duplicate", "As in cadre.register."),
            .boolean("dry_run", "Check the duplicates too and register no one; the import is closed all the same."),
        ],
        result: .objectSchema(["imported": ["type": "integer"], "ids": ["type": "array"]]))

    public static let cadreImportDiscard = RPCMethodDescriptor(
        name: "cadre.import_discard",
        summary: "Drops an import and what it staged; nothing was registered.",
        access: .write,
        params: [importParam],
        result: .objectSchema(["import": ["type": "string"], "staged": ["type": "integer"]]))
}
