import ArgumentParser
import KaderClient
import KaderRPC

/// Why a command failed: worded for people on stderr, or with `--json` as one JSON object
/// on stderr for scripts, `{"error": {"kind", "code", "message", "fields", "exit"}}`, and
/// ending kaderctl with the exit status of its kind.
struct CommandFailure: Error {
    /// The API's error kind; nil for a mistake on the command line (`"usage"` in JSON).
    var kind: RPCErrorKind?
    var message: String
    var fields: [RPCFieldError] = []
    var exit: ExitStatus
    /// The lines people see; by default the message, then a line per field.
    var lines: [String]?

    init(kind: RPCErrorKind?, message: String, fields: [RPCFieldError] = [], exit: ExitStatus? = nil, lines: [String]? = nil) {
        self.kind = kind
        self.message = message
        self.fields = fields
        self.exit = exit ?? (kind == nil ? .usage : ExitStatus(kind: kind))
        self.lines = lines
    }

    /// A failed call, as the daemon (or the socket) reported it.
    init(_ error: ClientError, lines: [String]? = nil) {
        if case .remote(let refusal) = error {
            self.init(kind: error.kind, message: refusal.message, fields: refusal.fields, exit: error.exitStatus, lines: lines)
        } else {
            self.init(kind: error.kind, message: error.description, exit: error.exitStatus, lines: lines)
        }
    }

    var json: JSONValue {
        let error: JSONObject = [
            "kind": .string(kind?.rawValue ?? "usage"),
            "code": kind.map { .number(JSONNumber($0.code)) } ?? .null,
            "message": .string(message),
            "fields": .array(fields.map { ["field": .string($0.field), "message": .string($0.message)] }),
            "exit": .number(JSONNumber(Int(exit.rawValue))),
        ]
        return ["error": .object(error)]
    }

    /// Prints it and ends the command with its status.
    func report() -> ExitCode {
        if Output.errorsAsJSON {
            Output.errorLine(JSONWriter.string(json))
        } else if let lines {
            lines.forEach(Output.errorLine)
        } else {
            Output.error(message)
            for field in fields { Output.error("\(field.field): \(field.message)") }
        }
        return ExitCode(exit.rawValue)
    }
}
