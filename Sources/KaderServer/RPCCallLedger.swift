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

/// The `idempotency_key` param every method takes: a `ClientChosenName`.
public enum RPCCallKey {
    public static let param = "idempotency_key"

    static let fieldError = RPCFieldError(field: param, message: ClientChosenName.rule)
}
