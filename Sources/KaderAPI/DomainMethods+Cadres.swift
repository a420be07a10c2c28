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
            method(.cadreImportStage) { (input: CadreInput.Stage, call) in
                let owner = call.context.peer?.uid
                // The rows' own problems; only when there are none, the plugins' (a chunk's
                // plugin problems show once its rows' own are fixed).
                var problems = input.problems
                if problems.isEmpty {
                    problems = try await service.problems(in: input.drafts, numberedFrom: input.first)
                        .map { RPCFieldError(field: $0.field, message: $0.message) }
                }
                let staged = try imports.stage(
                    input.name, owner: owner, first: input.first, drafts: input.drafts, refused: !problems.isEmpty)
                guard problems.isEmpty else {
                    throw RPCError(.invalid, "rows of the chunk cannot be registered", fields: problems)
                }
                return CadreImportStaged(
                    importName: input.name, staged: staged,
                    cadres: service.unregistered(input.drafts).map { cadre in
                        var info = wire.cadre(cadre)
                        info.id = ""
                        return info
                    })
            },
            method(.cadreImportCommit) { (input: CadreInput.Commit, call) in
                let drafts = try imports.take(input.name, owner: call.context.peer?.uid, rows: input.rows)
                let cadres = try await service.registerCadres(
                    drafts, asBatch: true, allowDuplicates: input.allowDuplicates, dryRun: input.dryRun, checked: true,
                    caller: Self.caller(call))
                return CadreImportCommitted(imported: input.dryRun ? 0 : cadres.count, ids: input.dryRun ? [] : cadres.map(\.id.rawValue))
            },
            method(.cadreImportDiscard) { (input: CadreInput.Discard, call) in
                CadreImportDiscarded(
                    importName: input.name, staged: try imports.discard(input.name, owner: call.context.peer?.uid))
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
