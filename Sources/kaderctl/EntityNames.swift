#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import KaderClient
import KaderRPC

/// The names `kaderctl watch` shows beside ids: a cadre's or facilitator's name, a task's
/// title, a workflow's program and village. Asked of the daemon on a connection of their
/// own (the watching one carries the stream), once per id; the caller's read access decides
/// what it may see, and what it may not is shown by id alone.
struct EntityNames {
    let socket: String
    private var connection: RPCConnection?
    private var known: [String: String?] = [:]

    init(socket: String) {
        self.socket = socket
    }

    mutating func name(of event: EventInfo) -> String? {
        if let cached = known[event.entityID] { return cached }
        let found = lookUp(event.entityKind, event.entityID)
        known[event.entityID] = found
        return found
    }

    private mutating func lookUp(_ kind: String, _ id: String) -> String? {
        let (method, path): (String, [String]) =
            switch kind {
            case "cadre": ("cadre.get", ["cadre", "name"])
            case "task": ("task.get", ["task", "title"])
            case "workflow": ("workflow.get", ["workflow", "program"])
            case "facilitator": ("facilitator.get", ["facilitator", "name"])
            default: ("", [])
            }
        guard !method.isEmpty else { return nil }
        do {
            if connection == nil {
                connection = try RPCConnection(socketPath: socket, timeout: 5)
                connection?.resendsCallsCutShort = true
            }
            let reply = try connection!.call(method, params: ["id": .string(id)])
            var value: JSONValue? = reply
            for key in path { value = value?[key] }
            if kind == "workflow", let program = value?.stringValue {
                let village = reply["workflow"]?["village_name"]?.stringValue ?? ""
                return village.isEmpty ? program : "\(program), \(village)"
            }
            return value?.stringValue
        } catch {
            // The daemon went away or the caller may not read it: the id alone.
            connection = nil
            return nil
        }
    }

    /// The account name of a uid on this machine, where the daemon runs too.
    static func user(_ uid: UInt32?) -> String? {
        guard let uid, let entry = getpwuid(uid_t(uid)) else { return nil }
        return String(cString: entry.pointee.pw_name)
    }
}
