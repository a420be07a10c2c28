/// Why a text or a set of numbers is not a valid local date or date-time. The message
/// names the bad text, so a user who typed it in a command or a program file can find it.
public struct LocalTimeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text as given, or the numbers written out in ISO 8601 form.
    public let text: String
    /// What the text was meant to be: "local date" or "local date-time".
    public let expected: String
    /// What is wrong with it.
    public let reason: String

    public init(text: String, expected: String, reason: String) {
        self.text = text
        self.expected = expected
        self.reason = reason
    }

    public var description: String {
        "\"\(text)\" is not a valid \(expected): \(reason)"
    }
}
