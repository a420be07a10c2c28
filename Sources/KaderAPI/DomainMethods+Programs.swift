import KaderEngine
import KaderRPC
import KaderServer

extension DomainMethods {
    /// A program on the wire, with the kinds of village it runs in.
    private func programInfo(_ entry: ProgramCatalog.Entry, catalog: ProgramCatalog) -> ProgramInfo {
        var info = wire.program(entry, versions: catalog.versions(of: entry.program.id))
        info.villageKinds = entry.program.villageKinds.map(\.rawValue)
        return info
    }

    var programMethods: [RPCMethod] {
        [
            RPCMethod(.programList) { _ in
                let catalog = service.catalog
                return ProgramList(
                    programs: catalog.latest.map { programInfo($0, catalog: catalog) },
                    refused: catalog.refusals.map { refusal in
                        ProgramRefusalInfo(
                            file: refusal.file,
                            problems: refusal.problems.map(\.description))
                    })
            },
            method(.programGet) { (params: ProgramGetParams, _) in
                let catalog = service.catalog
                guard let entry = catalog.entry(id: params.id, version: params.version) else {
                    let what = params.version.map { "version \($0) of program" } ?? "program"
                    throw ErrorMapping.rpcError(.notFound(what: what, id: params.id))
                }
                return programInfo(entry, catalog: catalog)
            },
        ]
    }
}
