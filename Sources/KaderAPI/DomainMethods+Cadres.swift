import KaderCore
import KaderEngine
import KaderRPC
import KaderServer

extension DomainMethods {
    var cadreMethods: [RPCMethod] {
        [
            method(.cadreRegister) { (input: CadreInput.Register, call) in
                let cadres = try await service.registerCadres(
                    input.drafts, asBatch: input.asBatch, allowDuplicates: input.allowDuplicates, dryRun: input.dryRun,
                    caller: Self.caller(call))
                return CadreBatch(
                    cadres: cadres.map { cadre in
                        var info = wire.cadre(cadre)
                        if input.dryRun { info.id = "" }
                        return info
                    })
            },
            method(.cadreList) { (input: CadreInput.List, _) in
                let page = try await service.cadres(matching: input.query, page: input.page)
                return CadreList(cadres: page.items.map(wire.cadre), nextCursor: page.nextCursor)
            },
            method(.cadreGet) { (input: IDInput<CadreKind>, _) in
                let (cadre, history) = try await service.cadreWithHistory(input.id)
                return CadreDetail(cadre: wire.cadre(cadre), history: history.map(wire.history))
            },
            method(.cadreUpdate) { (input: CadreInput.Update, call) in
                let cadre = try await service.updateCadre(
                    input.id, changes: input.changes, reason: input.reason, caller: Self.caller(call))
                return CadreChange(cadre: wire.cadre(cadre))
            },
            method(.cadreWithdraw) { (input: CadreInput.Withdraw, call) in
                let withdrawn = try await service.withdrawCadre(input.id, reason: input.reason, caller: Self.caller(call))
                return CadreWithdrawResult(
                    cadre: wire.cadre(withdrawn.cadre), cancelledWorkflows: withdrawn.cancelled.map(\.rawValue),
                    leftWorkflows: withdrawn.left.map(\.rawValue))
            },
        ]
    }
}
