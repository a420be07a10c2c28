import KaderClient
import KaderRPC

extension RPCConnection {
    /// The next `events.event` notification of a subscription on this connection.
    public func nextEvent() throws -> EventInfo {
        while true {
            guard let line = try readLine() else { throw ClientError.closed(socket: "the subscription") }
            let json = try JSONParser.parse(line)
            if json["method"] == "events.event", let params = json["params"] { return try params.decode(EventInfo.self) }
        }
    }
}
