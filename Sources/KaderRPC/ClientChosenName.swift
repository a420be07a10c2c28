/// A name the client chooses for something of its own: a call's idempotency key, an import.
/// One rule for all, so a script can use the same name for both.
public enum ClientChosenName {
    static let maxLength = 128

    /// What a valid name holds, for an error message.
    public static let rule = "must be a string of 1 to \(maxLength) letters, digits, '-', '_', '.' or ':'"

    /// 1 to 128 letters, digits and `-_.:`: a UUID, a script's own name for a step.
    public static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= maxLength
            && name.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: ":")
            }
    }
}
