extension RPCMethodDescriptor {
    public static let daemonMetrics = RPCMethodDescriptor(
        name: "daemon.metrics",
        summary: "The daemon's metrics in the Prometheus text format (version 0.0.4), for node_exporter's "
            + "textfile collector or promtool: requests, latency, connections, tasks by state, scheduler lag, "
            + "catch-ups, store commits, plugins, reloads, events streamed. kaderd listens on no network: "
            + "this is how its metrics leave it (kaderctl metrics --output FILE).",
        access: .read,
        result: [
            "type": "object",
            "required": ["content_type", "text"],
            "properties": [
                "content_type": [
                    "type": "string",
                    "description": "The exposition's media type: text/plain; version=0.0.4; charset=utf-8.",
                ],
                "text": [
                    "type": "string",
                    "description": "Every metric with its HELP and TYPE lines, one sample a line, ending with a newline.",
                ],
            ],
        ]
    )
}

/// The result of `daemon.metrics`: the exposition as text, with its media type, so that a
/// script can write `text` to a file as it is.
public struct DaemonMetricsResult: Codable, Sendable, Hashable {
    public var contentType: String
    public var text: String

    public init(contentType: String, text: String) {
        self.contentType = contentType
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case contentType = "content_type"
        case text
    }
}
