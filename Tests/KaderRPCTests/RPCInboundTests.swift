import KaderRPC
import Testing

@Suite struct RPCInboundTests {
    private func single(_ text: String) -> Result<RPCRequest, RPCFailure> {
        guard case .single(let element) = RPCInbound(line: Array(text.utf8)) else {
            Issue.record("expected a single message for \(text)")
            return .failure(RPCFailure(id: .null, error: .internalError()))
        }
        return element
    }

    @Test func readsRequestsAndNotifications() throws {
        let request = try single(#"{"jsonrpc":"2.0","method":"daemon.status","id":7}"#).get()
        #expect(request == RPCRequest(method: "daemon.status", id: RPCID(7)))
        let notification = try single(#"{"jsonrpc":"2.0","method":"x","params":{"a":1}}"#).get()
        #expect(notification.isNotification)
        #expect(notification.params == ["a": 1])
        let nullID = try single(#"{"jsonrpc":"2.0","method":"x","id":null}"#).get()
        #expect(nullID.id == .null, "id null is a request, not a notification")
    }

    @Test(arguments: [
        (#"{"jsonrpc":"2.0","method":"x","id":"abc"}"#, RPCID.string("abc")),
        (#"{"jsonrpc":"2.0","method":"x","id":0}"#, RPCID(0)),
        (#"{"jsonrpc":"2.0","method":"x","id":-1.50}"#, RPCID.number(try! JSONParser.parse("-1.50").numberValue!)),
        (#"{"jsonrpc":"2.0","method":"x","id":99999999999999999999}"#, RPCID.number(try! JSONParser.parse("99999999999999999999").numberValue!)),
    ])
    func keepsTheIDExactly(text: String, id: RPCID) throws {
        #expect(try single(text).get().id == id)
    }

    @Test(arguments: [
        (#"{"method":"x","id":1}"#, "\"jsonrpc\" must be exactly \"2.0\"", RPCID(1)),
        (#"{"jsonrpc":"1.0","method":"x","id":1}"#, "\"jsonrpc\" must be exactly \"2.0\"", RPCID(1)),
        (#"{"jsonrpc":"2.0","id":1}"#, "\"method\" must be a string", RPCID(1)),
        (#"{"jsonrpc":"2.0","method":"x","params":3,"id":"a"}"#, "\"params\" must be an array or an object", RPCID.string("a")),
        (#"{"jsonrpc":"2.0","method":"x","id":[1]}"#, "\"id\" must be a string, a number or null", RPCID.null),
        (#"{"jsonrpc":"2.0","method":"x","id":true}"#, "\"id\" must be a string, a number or null", RPCID.null),
        (#""just a string""#, "a request must be a JSON object", RPCID.null),
    ])
    func refusesInvalidRequests(text: String, reason: String, id: RPCID) {
        guard case .failure(let failure) = single(text) else {
            Issue.record("\(text) must be refused")
            return
        }
        #expect(failure.error.code == -32600)
        #expect(failure.error.kind == .invalidRequest)
        #expect(failure.error.message.contains(reason))
        #expect(failure.id == id)
    }

    @Test func answersUnparsableLinesWithParseError() {
        guard case .failure(let failure) = single("{oops") else {
            Issue.record("must be refused")
            return
        }
        #expect(failure.error.code == -32700)
        #expect(failure.id == .null)
        #expect(failure.error.message.contains("at byte 1"))
    }

    @Test func readsBatches() {
        let inbound = RPCInbound(line: Array(#"[{"jsonrpc":"2.0","method":"a","id":1}, 5]"#.utf8))
        guard case .batch(let elements) = inbound else {
            Issue.record("expected a batch")
            return
        }
        #expect(elements.count == 2)
        #expect((try? elements[0].get())?.method == "a")
        #expect(throws: RPCFailure.self) { try elements[1].get() }
        #expect(RPCInbound(line: Array("[]".utf8)) == .single(.failure(RPCFailure(id: .null, error: .invalidRequest("an empty batch")))))
    }

    @Test func errorsCarryAStableKindAndFields() throws {
        let error = RPCError(.invalid, "bad cadre", fields: [RPCFieldError(field: "village", message: "unknown village code")])
        let json = error.json
        #expect(json["code"] == -32004)
        #expect(json["data"]?["kind"] == "invalid")
        let decoded = try #require(RPCError(json: json))
        #expect(decoded.kind == .invalid)
        #expect(decoded.fields == [RPCFieldError(field: "village", message: "unknown village code")])
        #expect(decoded.description == "bad cadre (village: unknown village code)")
        for kind in RPCErrorKind.allCases {
            #expect(RPCErrorKind(code: kind.code) == kind, "\(kind) must have a code of its own")
            #expect(kind.code >= -32099 || kind.code <= -32600, "application codes stay in -32000…-32099")
        }
    }

    @Test func readsResponsesStrictly() throws {
        let ok = try RPCResponse(json: JSONParser.parse(#"{"jsonrpc":"2.0","result":{"a":1},"id":"x"}"#))
        #expect(ok.outcome == .success(["a": 1]))
        #expect(throws: RPCProtocolError.self) {
            try RPCResponse(json: JSONParser.parse(#"{"jsonrpc":"2.0","result":1,"error":{"code":1,"message":"m"},"id":1}"#))
        }
        #expect(throws: RPCProtocolError.self) { try RPCResponse(json: JSONParser.parse(#"{"result":1,"id":1}"#)) }
    }
}

extension JSONValue {
    fileprivate var numberValue: JSONNumber? {
        guard case .number(let number) = self else { return nil }
        return number
    }
}
