import KaderRPC
import Testing

@testable import kaderd

/// The status is written once per change with holes for the figures that change at each
/// call; filled, it must read as the whole object written at once.
@Suite struct StatusTemplateTests {
    private let status: JSONObject = [
        "version": "1.0", "uptime_seconds": 0, "socket": "/run/kaderd/kaderd.sock",
        "schedule": ["tasks": ["due": 3], "next_due": nil], "connections_served": 0, "last": "\u{1}é\n",
    ]

    @Test func fillsTheHolesWhereTheWholeObjectHasThem() throws {
        let keys = ["uptime_seconds", "connections_served"]
        for holes in [keys, keys.reversed()] {
            let template = StatusReplyCache.Template(status, holes: holes)
            for (uptime, connections) in [(0.5, 1), (12345.678, 99_999), (0, 0)] {
                var whole = status
                whole["uptime_seconds"] = .number(JSONNumber(uptime))
                whole["connections_served"] = .number(JSONNumber(connections))
                let filled = template.filled { key in
                    key == "uptime_seconds" ? .number(JSONNumber(uptime)) : .number(JSONNumber(connections))
                }
                #expect(filled.bytes == JSONWriter.bytes(.object(whole)))
            }
        }
    }

    @Test func writesEverythingAtEachCallWhenAStringLooksLikeAHole() throws {
        var odd = status
        odd["socket"] = "\u{0}hole 0\u{0}"
        let template = StatusReplyCache.Template(odd, holes: ["uptime_seconds", "connections_served"])
        let filled = template.filled { _ in 42 }
        odd["uptime_seconds"] = 42
        odd["connections_served"] = 42
        #expect(filled.bytes == JSONWriter.bytes(.object(odd)))
    }
}
