import Foundation
import KaderRPC
import KaderServer
import KaderStore

/// The idempotency keys of calls, kept in the store with the changes they made.
///
/// The key goes in the transaction of the call's first change (`CallKey`), the reply in a
/// write of its own once the call is answered. So a call sent again finds the key exactly
/// when the first try changed something: then it gets the first reply (or, had kaderd died
/// between the two writes, a `conflict` saying the call was carried out); otherwise it runs.
/// Keys are forgotten after `CallRecord.keptFor`.
struct StoreCallLedger: RPCCallLedger {
    let store: any Store

    func once(
        _ call: RPCCall, key: String, run: @escaping @Sendable () async -> Result<EncodedJSON, RPCError>
    ) async -> Result<EncodedJSON, RPCError> {
        let digest = Self.digest(of: call.params)
        let earlier: CallRecord?
        do {
            earlier = try await store.read { try $0.call(withKey: key) }
        } catch {
            return .failure(RPCError(.unavailable, "Cannot look up idempotency_key \(key) in the store: \(error)"))
        }
        if let earlier {
            return Self.answer(call, key: key, digest: digest, from: earlier)
        }
        let claim = CallKey(key: key, method: call.method, paramsDigest: digest)
        let outcome = await CallKey.$current.withValue(claim) { await run() }
        guard claim.isRecorded else { return outcome }
        let forgetBefore = Date().addingTimeInterval(-CallRecord.keptFor)
        let reply = String(decoding: Self.kept(outcome), as: UTF8.self)
        // Not kept (the store failed): a retry is told the call was carried out.
        _ = try? await store.write { try $0.keepReply(reply, forCall: key, forgetBefore: forgetBefore) }
        return outcome
    }

    /// The reply to a call whose key was recorded before.
    private static func answer(_ call: RPCCall, key: String, digest: String, from earlier: CallRecord)
        -> Result<EncodedJSON, RPCError>
    {
        guard earlier.method == call.method, earlier.paramsDigest == digest else {
            return .failure(
                .invalidParams(
                    "idempotency_key \(key) was used for another call",
                    fields: [
                        RPCFieldError(
                            field: RPCCallKey.param,
                            message: "was sent with \(earlier.method) and other params at \(ISO8601Text.utc(earlier.at)); "
                                + "use a new key for a new call")
                    ]))
        }
        guard let text = earlier.reply, let json = try? JSONParser.parse(Array(text.utf8), maxDepth: .max) else {
            return .failure(
                RPCError(
                    .conflict,
                    "The call with idempotency_key \(key) was carried out at \(ISO8601Text.utc(earlier.at)), "
                        + "but kaderd stopped before keeping its reply; look its result up instead of sending it again"))
        }
        if let result = json["result"] { return .success(EncodedJSON(result)) }
        return .failure(json["error"].flatMap(RPCError.init(json:)) ?? .internalError("The kept reply of \(key) is damaged"))
    }

    /// `{"result":…}` or `{"error":…}`; a result is already written out, so its bytes are
    /// spliced in rather than parsed and written again.
    private static func kept(_ outcome: Result<EncodedJSON, RPCError>) -> [UInt8] {
        switch outcome {
        case .success(let result): Array(#"{"result":"#.utf8) + result.bytes + [UInt8(ascii: "}")]
        case .failure(let error): JSONWriter.bytes(["error": error.json])
        }
    }

    /// FNV-1a of the params as written: the same call sent again writes the same bytes.
    static func digest(of params: JSONObject) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in JSONWriter.bytes(.object(params)) {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}

extension DomainMethods {
    /// The ledger of idempotency keys, in the store the methods write to.
    public var ledger: any RPCCallLedger { StoreCallLedger(store: service.store) }
}
