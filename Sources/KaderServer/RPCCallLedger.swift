import KaderRPC

/// Remembers the calls made with an idempotency key, so that one sent again is answered as
/// the first time instead of being carried out twice.
///
/// A client whose connection ends before the reply (the daemon was restarting) cannot tell
/// whether its call was carried out. Sent again with the same `idempotency_key`, a call that
/// changed something is answered from the ledger; one that did not runs now.
public protocol RPCCallLedger: Sendable {
    /// The reply to `call`: what was kept of an earlier call with `key`, or `run()`'s.
    func once(
        _ call: RPCCall, key: String, run: @escaping @Sendable () async -> Result<EncodedJSON, RPCError>
    ) async -> Result<EncodedJSON, RPCError>
}

/// The `idempotency_key` param every method takes: what it may hold.
public enum RPCCallKey {
    public static let param = "idempotency_key"
    static let maxLength = 128

    /// 1 to 128 letters, digits and `-_.:`: a UUID, a script's own name for a step. Names a
    /// client chooses for other things (an import) follow the same rule.
    public static func isValid(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.count <= maxLength
            && key.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: ":")
            }
    }

    static let fieldError = RPCFieldError(
        field: param, message: "must be a string of 1 to \(maxLength) letters, digits, '-', '_', '.' or ':'")
}
