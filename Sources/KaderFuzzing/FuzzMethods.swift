import KaderRPC
import KaderServer

/// Methods shaped like the daemon's (named and positional params, decoding into types,
/// reads and writes, failures, a stream), without an engine behind them, so the fuzzer
/// spends its time in the server and not in a database.
enum FuzzMethods {
    struct Register: Decodable {
        var name: String
        var birthYear: Int
        var courses: [String]?
        var extra: [String: Double]?

        enum CodingKeys: String, CodingKey {
            case name, courses, extra
            case birthYear = "birth_year"
        }
    }

    static let all: [RPCMethod] = [
        RPCMethod(
            RPCMethodDescriptor(
                name: "cadre.register", summary: "Decodes a typed record", access: .write,
                params: [.init(name: "name", summary: "", required: true, schema: ["type": "string"]),
                         .init(name: "birth_year", summary: "", required: true, schema: ["type": "integer"]),
                         .init(name: "courses", summary: "", required: false, schema: ["type": "array"]),
                         .init(name: "extra", summary: "", required: false, schema: ["type": "object"])],
                result: [:])
        ) { call in
            let record = try call.decodeParams(Register.self)
            return .string(record.name + String(record.birthYear))
        },
        RPCMethod(
            RPCMethodDescriptor(
                name: "region.search", summary: "Echoes its params", access: .read,
                params: [.init(name: "query", summary: "", required: true, schema: [:]),
                         .init(name: "limit", summary: "", required: false, schema: [:])],
                result: [:])
        ) { call in .object(call.params) },
        RPCMethod(RPCMethodDescriptor(name: "daemon.fail", summary: "Throws", access: .read, result: [:])) { _ in
            throw RPCError(.conflict, "refused on purpose", fields: [RPCFieldError(field: "x", message: "\u{0}\u{7f}\"")])
        },
        RPCMethod(RPCMethodDescriptor(name: "events.subscribe", summary: "Opens a stream", access: .read, result: [:])) {
            call in
            try call.context.openStream { _ in }
            return .null
        },
        // Answered on the event loop, as daemon.status is: the server's other path.
        RPCMethod.immediate(
            RPCMethodDescriptor(
                name: "daemon.status", summary: "Echoes its params at once", access: .read,
                params: [.init(name: "verbose", summary: "", required: false, schema: [:])], result: [:])
        ) { call in
            if call.params["verbose"] == .bool(false) { throw RPCError(.invalid, "not verbose") }
            return .object(call.params)
        },
    ]
}
