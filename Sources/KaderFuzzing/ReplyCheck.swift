import KaderRPC

/// What every reply line must be, whatever came in: JSON, and a JSON-RPC 2.0 response or a
/// non-empty batch of them.
enum ReplyCheck {
    static func problems(_ line: [UInt8]) -> [String] {
        guard !line.contains(RPCFraming.newline) else { return ["a reply contains a newline"] }
        let json: JSONValue
        do {
            json = try JSONParser.parse(line, maxDepth: .max)
        } catch {
            return ["a reply is not JSON: \(error)"]
        }
        switch json {
        case .array(let responses) where !responses.isEmpty:
            return responses.flatMap(response)
        case .object:
            return response(json)
        default:
            return ["a reply is neither a response nor a batch: \(String(decoding: line.prefix(200), as: UTF8.self))"]
        }
    }

    private static func response(_ json: JSONValue) -> [String] {
        var problems: [String] = []
        if json["jsonrpc"] != "2.0" { problems.append("a response lacks \"jsonrpc\":\"2.0\"") }
        switch (json["result"], json["error"]) {
        case (.some, nil):
            break
        case (nil, .some(let error)):
            if error["code"]?.intValue == nil || error["message"]?.stringValue == nil {
                problems.append("an error lacks its code or message")
            }
        default:
            problems.append("a response has not exactly one of result and error")
        }
        if json["id"] == nil { problems.append("a response has no id") }
        return problems
    }
}
