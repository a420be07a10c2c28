import KaderEngine
import KaderRPC
import KaderServer

extension DomainMethods {
    var programMethods: [RPCMethod] {
        [
            RPCMethod(.programList) { _ in
                let catalog = service.catalog
                return ProgramList(
                    programs: catalog.latest.map { wire.program($0, versions: catalog.versions(of: $0.program.id)) },
                    refused: catalog.refusals.map { refusal in
                        ProgramRefusalInfo(
                            file: refusal.file,
                            problems: refusal.problems.map(\.description))
                    })
            },
            RPCMethod(.programGet) { call in
                let params = try call.decodeParams(ProgramGetParams.self)
                let catalog = service.catalog
                guard let entry = catalog.entry(id: params.id, version: params.version) else {
                    let what = params.version.map { "version \($0) of program" } ?? "program"
                    throw ErrorMapping.rpcError(.notFound(what: what, id: params.id))
                }
                return wire.program(entry, versions: catalog.versions(of: params.id))
            },
        ]
    }
}
