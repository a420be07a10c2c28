import KaderCore
import KaderRPC
import KaderServer

/// A method's params checked and typed. The initializer reads the decoded wire params,
/// notes every bad field (a `ParamReader` collects them), and throws one `invalid_params`
/// naming them all; the method's body receives only the checked input, so it cannot touch
/// an unchecked value. Checks against the store (does the cadre exist?) stay in the engine.
protocol MethodInput: Sendable {
    associatedtype Params: Decodable
    init(_ params: Params, in directory: RegionDirectory) throws(RPCError)
}

extension MethodInput {
    /// The call's params, decoded and checked.
    static func of(_ call: RPCCall, in directory: RegionDirectory) throws -> Self {
        try Self(call.decodeParams(Params.self), in: directory)
    }
}

extension DomainMethods {
    /// A method whose params are checked into `Input` before `body` runs.
    func method<Input: MethodInput, Output: Encodable & Sendable>(
        _ descriptor: RPCMethodDescriptor, _ body: @escaping @Sendable (Input, RPCCall) async throws -> Output
    ) -> RPCMethod {
        let directory = directory
        return RPCMethod(descriptor) { call in
            try await body(Input.of(call, in: directory), call)
        }
    }

    /// The same, for a method that writes its reply's bytes itself (`RPCMethod.encoded`).
    func encodedMethod<Input: MethodInput>(
        _ descriptor: RPCMethodDescriptor, _ body: @escaping @Sendable (Input, RPCCall) async throws -> EncodedJSON
    ) -> RPCMethod {
        let directory = directory
        return RPCMethod.encoded(descriptor) { call in
            try await body(Input.of(call, in: directory), call)
        }
    }
}

/// The input of a method that takes one entity's id.
struct IDInput<Kind: EntityKind>: MethodInput {
    let id: EntityID<Kind>

    init(_ params: IDParams, in directory: RegionDirectory) throws(RPCError) {
        var reader = ParamReader()
        let id = reader.id(params.id, field: "id", as: Kind.self)
        self.id = try reader.check("no \(Kind.kindName) can be found by that id", id)
    }
}
