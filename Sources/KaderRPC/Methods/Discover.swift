import OrderedCollections
extension RPCMethodDescriptor {
    public static let rpcDiscover = RPCMethodDescriptor(
        name: "rpc.discover",
        summary: "This API described as an OpenRPC document: every method, its params and result.",
        access: .read,
        result: ["$ref": "https://raw.githubusercontent.com/open-rpc/meta-schema/master/schema.json"]
    )
}

/// The OpenRPC document for a set of methods.
public enum OpenRPCDocument {
    public static let specVersion = "1.3.2"

    public static func render(methods: [RPCMethodDescriptor]) -> JSONValue {
        [
            "openrpc": .string(specVersion),
            "info": [
                "title": "kaderd",
                "description": "Cadre-development workflows of Indonesian villages, as scheduled tasks.",
                "version": .string(KaderVersion.current),
            ],
            "methods": .array(methods.sorted { $0.name < $1.name }.map(\.openRPC)),
        ]
    }
}
