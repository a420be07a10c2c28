import Foundation
import KaderCore
import KaderEngine
import KaderRPC
import KaderServer
import KaderStore

extension DomainMethods {
    var cadreMethods: [RPCMethod] {
        [
            RPCMethod(.cadreRegister) { call in
                let params = try call.decodeParams(CadreRegisterParams.self)
                let batch = params.cadres ?? params.single.map { [$0] } ?? []
                var reader = ParamReader()
                if batch.isEmpty { reader.note("cadres", "name at least one cadre") }
                let drafts = batch.enumerated().compactMap { index, fields in
                    draft(fields, prefix: params.cadres == nil ? "" : "cadres[\(index)].", reader: &reader)
                }
                try reader.check(params.cadres == nil ? "the cadre cannot be registered" : "the cadres cannot be registered")
                let dryRun = params.dryRun ?? false
                let cadres = try await service.registerCadres(
                    drafts, asBatch: params.cadres != nil, allowDuplicates: params.allowDuplicate ?? false,
                    dryRun: dryRun, caller: Self.caller(call))
                return CadreBatch(
                    cadres: cadres.map { cadre in
                        var info = wire.cadre(cadre)
                        if dryRun { info.id = "" }
                        return info
                    })
            },
            RPCMethod(.cadreList) { call in
                let params = try call.decodeParams(CadreListParams.self)
                var reader = ParamReader()
                let region = reader.regionFilter(
                    province: params.province, regency: params.regency, district: params.district, village: params.village)
                let status = reader.choice(params.status, field: "status", as: CadreStatus.self)
                let limit = reader.limit(params.limit)
                try reader.check("the list cannot be made")
                let page = try await service.cadres(
                    matching: CadreQuery(
                        region: RegionFilter(within: region), status: status, withdrawn: params.withdrawn ?? false),
                    page: PageRequest(cursor: params.cursor, limit: limit))
                return CadreList(cadres: page.items.map(wire.cadre), nextCursor: page.nextCursor)
            },
            RPCMethod(.cadreGet) { call in
                let params = try call.decodeParams(IDParams.self)
                var reader = ParamReader()
                let givenId = reader.id(params.id, field: "id", as: CadreKind.self)
                let id = try reader.check("no cadre can be found by that id", givenId)
                let (cadre, history) = try await service.cadreWithHistory(id)
                return CadreDetail(cadre: wire.cadre(cadre), history: history.map(wire.history))
            },
            RPCMethod(.cadreUpdate) { call in
                let params = try call.decodeParams(CadreUpdateParams.self)
                var reader = ParamReader()
                let givenId = reader.id(params.id, field: "id", as: CadreKind.self)
                let village = reader.regionCode(params.village, field: "village", level: .village)
                var changes = CadreChanges()
                changes.set(\.name, to: params.name, field: "name")
                changes.set(\.sex, to: reader.sex(params.sex, field: "sex"), field: "sex", shown: \.rawValue)
                changes.set(\.birthYear, to: params.birthYear, field: "birth_year")
                changes.set(\.education, to: params.education, field: "education")
                changes.set(\.courses, to: params.courses, field: "courses") { $0.joined(separator: "; ") }
                changes.set(\.field, to: params.field, field: "field")
                changes.set(\.village, to: village, field: "village")
                changes.set(\.address, to: params.address, field: "address")
                changes.set(
                    \.status, to: reader.choice(params.status, field: "status", as: CadreStatus.self), field: "status",
                    shown: \.rawValue)
                changes.set(\.notes, to: params.notes, field: "notes")
                if !reader.problems.isEmpty {
                    // Report the other fields' problems in the same reply.
                    for problem in CadreDraft.problems(
                        name: params.name, birthYear: params.birthYear, field: params.field, village: village,
                        directory: directory, currentYear: Self.currentYear)
                    {
                        reader.note(problem.field, problem.message)
                    }
                }
                let id = try reader.check("the cadre cannot be changed", givenId)
                let cadre = try await service.updateCadre(
                    id, changes: changes, reason: params.reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "",
                    caller: Self.caller(call))
                return CadreChange(cadre: wire.cadre(cadre))
            },
            RPCMethod(.cadreWithdraw) { call in
                let params = try call.decodeParams(ReasonParams.self)
                var reader = ParamReader()
                let givenId = reader.id(params.id, field: "id", as: CadreKind.self)
                let reason = reader.reason(params.reason, why: "say why the registration was wrong, for the history")
                let id = try reader.check("the registration cannot be withdrawn", givenId)
                let withdrawn = try await service.withdrawCadre(id, reason: reason, caller: Self.caller(call))
                return CadreWithdrawResult(
                    cadre: wire.cadre(withdrawn.cadre), cancelledWorkflows: withdrawn.cancelled.map(\.rawValue),
                    leftWorkflows: withdrawn.left.map(\.rawValue))
            },
        ]
    }

    /// A draft from wire fields; problems go to `reader` under `prefix`. When a field is
    /// malformed, the others are still checked, so one reply names everything to fix.
    private func draft(_ fields: CadreFields, prefix: String, reader: inout ParamReader) -> CadreDraft? {
        let sex = reader.sex(fields.sex, field: prefix + "sex")
        let village = reader.regionCode(fields.village, field: prefix + "village", level: .village)
        let status = reader.choice(fields.status ?? "candidate", field: prefix + "status", as: CadreStatus.self)
        guard let sex, let village, let status else {
            for problem in CadreDraft.problems(
                name: fields.name, birthYear: fields.birthYear, field: fields.field, village: village,
                directory: directory, currentYear: Self.currentYear)
            {
                reader.note(prefix + problem.field, problem.message)
            }
            return nil
        }
        return CadreDraft(
            name: fields.name, sex: sex, birthYear: fields.birthYear, education: fields.education ?? "",
            courses: fields.courses ?? [], field: fields.field, village: village, address: fields.address ?? "",
            status: status, notes: fields.notes ?? "")
    }

    /// The year ages are counted in, on the daemon's calendar.
    static var currentYear: Int { Calendar(identifier: .gregorian).component(.year, from: Date()) }
}
