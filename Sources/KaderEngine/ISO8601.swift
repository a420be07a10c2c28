import Foundation

/// Times as the wire and the history show them: ISO 8601 with the village's offset.
public enum ISO8601 {
    public static func string(_ date: Date, in zone: TimeZone) -> String {
        var style = Date.ISO8601FormatStyle(timeZone: zone)
        style = style.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .colon)
        return date.formatted(style)
    }
}
