import KaderRPC
import KaderServer
import KaderTesting
import Logging
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct RPCDispatcherTests {
    struct Boom: Error {}

    struct Greeting: Decodable {
        var name: String
        var times: Int?
    }

    static let methods: [RPCMethod] = SpecExamples.methods + [
        RPCMethod(
            RPCMethodDescriptor(
                name: "test.greet", summary: "Greets", access: .write,
                params: [
                    RPCParamDescriptor(name: "name", summary: "who", required: true, schema: ["type": "string"]),
                    RPCParamDescriptor(name: "times", summary: "how often", required: false, schema: ["type": "integer"]),
                ],
                result: ["type": "string"])
        ) { call in
            let greeting = try call.decodeParams(Greeting.self)
            return .string(Array(repeating: "Halo \(greeting.name)", count: greeting.times ?? 1).joined(separator: " "))
        },
        RPCMethod(RPCMethodDescriptor(name: "test.fail", summary: "Fails", access: .read, result: [:])) { _ in
            throw Boom()
        },
        RPCMethod.encoded(RPCMethodDescriptor(name: "test.written", summary: "Writes its result", access: .read, result: [:])) { _ in
            EncodedJSON(written: Array(#"{"z":1.50,"a":[true]}"#.utf8))
        },
    ]

    let dispatcher = RPCDispatcher(methods: Self.methods)
    let context = RPCContext(
        peer: PeerCredentials(pid: getpid(), uid: getuid(), gid: getgid()), logger: Logger(label: "test"))

    private func reply(_ line: String) async throws -> JSONValue? {
        guard let bytes = await dispatcher.handle(line: Array(line.utf8), context: context) else { return nil }
        return try JSONParser.parse(bytes)
    }

    private func errorOf(_ reply: JSONValue?) throws -> RPCError {
        let error = try #require(reply?["error"], "expected an error reply, got \(String(describing: reply))")
        return try #require(RPCError(json: error))
    }

    @Test(arguments: SpecExamples.all)
    func behavesAsTheSpecificationSays(example: SpecExamples.Example) async throws {
        let actual = try await reply(example.request)
        let expected = try example.reply.map { try JSONParser.parse($0) }
        #expect(actual?.specShape == expected?.specShape)
    }

    @Test func decodesNamedParamsAndNamesTheBadField() async throws {
        let ok = try await reply(#"{"jsonrpc":"2.0","method":"test.greet","params":{"name":"Wayan","times":2},"id":1}"#)
        #expect(ok?["result"] == "Halo Wayan Halo Wayan")

        let missingError = try errorOf(await reply(#"{"jsonrpc":"2.0","method":"test.greet","params":{},"id":2}"#))
        #expect(missingError.kind == .invalidParams)
        #expect(missingError.fields == [RPCFieldError(field: "name", message: "is required")])

        let wrongTypeError = try errorOf(
            await reply(#"{"jsonrpc":"2.0","method":"test.greet","params":{"name":"W","times":"two"},"id":3}"#))
        #expect(wrongTypeError.fields == [RPCFieldError(field: "times", message: "expected an integer")])
    }

    @Test func refusesParamsTheMethodDoesNotHave() async throws {
        let error = try errorOf(
            await reply(#"{"jsonrpc":"2.0","method":"test.greet","params":{"name":"W","nmae":"x"},"id":1}"#))
        #expect(error.code == -32602)
        #expect(error.fields.map(\.field) == ["nmae"])
        let tooMany = try #require(try await reply(#"{"jsonrpc":"2.0","method":"subtract","params":[1,2,3],"id":1}"#))
        #expect(tooMany["error"]?["code"] == -32602)
    }

    @Test func hidesInternalFailuresBehindAGenericError() async throws {
        let response = try #require(try await reply(#"{"jsonrpc":"2.0","method":"test.fail","id":"f"}"#))
        #expect(response["id"] == "f")
        #expect(response["error"]?["code"] == -32603)
        #expect(response["error"]?["data"]?["kind"] == "internal")
        #expect(try await reply(#"{"jsonrpc":"2.0","method":"test.fail"}"#) == nil, "a notification is never answered")
    }

    @Test func echoesIDsExactly() async throws {
        for id in [#""abc""#, "0", "-7", "1.50", "12345678901234567890", "null"] {
            let line = #"{"jsonrpc":"2.0","method":"get_data","id":"# + id + "}"
            let bytes = try #require(await dispatcher.handle(line: Array(line.utf8), context: context))
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.hasSuffix(#","id":"# + id + "}"), "id \(id) came back as \(text)")
        }
    }

    @Test func sendsAWrittenResultAsWrittenAloneAndInABatch() async throws {
        func text(_ line: String) async throws -> String {
            String(decoding: try #require(await dispatcher.handle(line: Array(line.utf8), context: context)), as: UTF8.self)
        }
        let written = #"{"jsonrpc":"2.0","result":{"z":1.50,"a":[true]},"id":1}"#
        #expect(try await text(#"{"jsonrpc":"2.0","method":"test.written","id":1}"#) == written)
        let batch = try await text(
            #"[{"jsonrpc":"2.0","method":"test.written","id":1},{"jsonrpc":"2.0","method":"test.written"},"#
                + #"{"jsonrpc":"2.0","method":"test.greet","params":{"name":"W"},"id":2}]"#)
        #expect(batch == "[" + written + #",{"jsonrpc":"2.0","result":"Halo W","id":2}]"#)
    }

    @Test func describesEveryMethodInOpenRPC() async throws {
        let document = try #require(try await reply(#"{"jsonrpc":"2.0","method":"rpc.discover","id":1}"#)?["result"])
        #expect(document["openrpc"] == "1.3.2")
        let methods = try #require(document["methods"]?.arrayValue)
        let names = methods.compactMap { $0["name"]?.stringValue }
        #expect(Set(names) == Set(Self.methods.map(\.descriptor.name) + ["rpc.discover"]))
        #expect(names == names.sorted())
        let greet = try #require(methods.first { $0["name"] == "test.greet" })
        #expect(greet["x-access"] == "write")
        // A method that writes takes an idempotency key too, listed last.
        #expect(greet["params"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["name", "times", "idempotency_key"])
        #expect(greet["params"]?.arrayValue?.first?["required"] == true)
    }
}
