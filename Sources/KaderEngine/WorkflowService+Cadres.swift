import Foundation
import KaderCore
import KaderStore

/// The register: who may be registered, corrected, moved or withdrawn, and the Buku Kader
/// made from it. Nothing is deleted: every change is in the history.
extension WorkflowService {
    /// Registers all the drafts or none. Problems of a batch name the draft by index
    /// (`cadres[3].village`), so an import can point at the line. Someone already
    /// registered (same name, sex, birth year and village) is refused unless
    /// `allowDuplicates` says they are another person. A `dryRun` checks all of that and
    /// registers no one. Drafts already `checked` (an import's chunks, by
    /// `problems(in:numberedFrom:)`) are checked for duplicates only.
    public func registerCadres(
        _ drafts: [CadreDraft], asBatch: Bool, allowDuplicates: Bool = false, dryRun: Bool = false, checked: Bool = false,
        caller: Caller
    ) async throws -> [Cadre] {
        if !checked {
            let problems = try await problems(in: drafts, numberedFrom: asBatch ? 0 : nil)
            guard problems.isEmpty else {
                throw EngineError.invalid(ValidationError("the cadre cannot be registered", problems: problems))
            }
        }
        let now = clock.now()
        let cadres = unregistered(drafts, at: now)
        if dryRun {
            if !allowDuplicates {
                try await store.read { reader in try Self.refuseDuplicates(cadres, asBatch: asBatch, reader: reader) }
            }
            return cadres
        }
        try await store.write { writer in
            // In the transaction, so two imports of one sheet at once cannot both pass.
            if !allowDuplicates {
                try Self.refuseDuplicates(cadres, asBatch: asBatch, reader: writer.reader)
                // All at once: on PostgreSQL a statement a row cost a round trip a row.
                try writer.insert(cadres)
            }
            for cadre in cadres {
                var detail = ["village": cadre.village.description]
                // One at a time, so each is checked against those before it only.
                if allowDuplicates {
                    try writer.insert(cadre)
                    if !(try writer.reader.cadres(sameAs: CadreIdentity(cadre)).filter { $0.id != cadre.id }.isEmpty) {
                        detail["duplicate_allowed"] = "true"
                    }
                }
                try writer.record(
                    "registered", entityKind: "cadre", entityID: cadre.id.rawValue, caller: caller, at: now, detail: detail)
            }
        }
        return cadres
    }

    /// The cadres `drafts` would be if registered at `now` (by default, now), ids included.
    public func unregistered(_ drafts: [CadreDraft], at now: Date? = nil) -> [Cadre] {
        let now = now ?? clock.now()
        return drafts.map { draft in
            var details = draft
            details.name = draft.name.trimmingCharacters(in: .whitespacesAndNewlines)
            return Cadre(id: ids.next(), details: details, registeredAt: now)
        }
    }

    /// What registering `drafts` would be refused for, duplicates aside: their fields and the
    /// plugins' checks. With `offset`, each problem names its draft `cadres[offset + i]`; an
    /// import checks its chunks so, and `registerCadres(checked:)` need not check again.
    public func problems(in drafts: [CadreDraft], numberedFrom offset: Int?) async throws -> [FieldProblem] {
        let year = currentYear
        var problems: [FieldProblem] = []
        for (index, draft) in drafts.enumerated() {
            let prefix = offset.map { "cadres[\($0 + index)]." } ?? ""
            var found = draft.problems(directory: directory, currentYear: year)
            if found.isEmpty, let plugins {
                do {
                    found = try await plugins.problems(with: draft)
                } catch {
                    throw EngineError.plugin(error)
                }
            }
            problems += found.map { FieldProblem(field: prefix + $0.field, message: $0.message) }
        }
        return problems
    }

    /// Refuses cadres who are someone already registered, or twice in the batch.
    private static func refuseDuplicates(_ cadres: [Cadre], asBatch: Bool, reader: StoreReader) throws {
        var problems: [FieldProblem] = []
        var firstIndex: [CadreIdentity: Int] = [:]
        let override = "if this is another person, register with allow_duplicate (kaderctl: --allow-duplicate)"
        for (index, cadre) in cadres.enumerated() {
            let field = (asBatch ? "cadres[\(index)]." : "") + "name"
            let identity = CadreIdentity(cadre)
            if let same = try reader.cadres(sameAs: identity).first {
                problems.append(
                    FieldProblem(
                        field: field,
                        message: "\(same.name) (\(same.sex.registerLetter), born \(same.birthYear)) is already registered "
                            + "in village \(same.village) as \(same.id); \(override)"))
            } else if let earlier = firstIndex[identity] {
                problems.append(
                    FieldProblem(
                        field: field,
                        message: "is the same person as cadres[\(earlier)] (same name, sex, birth year and village); \(override)"))
            }
            firstIndex[identity] = firstIndex[identity] ?? index
        }
        guard problems.isEmpty else {
            let summary = problems.count == 1 ? "the cadre is already registered" : "\(problems.count) cadres are already registered"
            throw EngineError.duplicate(ValidationError(summary, problems: problems))
        }
    }

    /// Corrects or changes a cadre's fields, with `reason` kept in the history beside each
    /// field's old and new value. A cadre in an active workflow keeps their village: a
    /// cohort is the cadres of one village.
    public func updateCadre(_ id: CadreID, changes: CadreChanges, reason: String = "", caller: Caller) async throws -> Cadre {
        let directory = self.directory
        let year = currentYear
        let now = clock.now()
        return try await store.write { writer in
            guard var cadre = try writer.reader.cadre(id) else { throw EngineError.notFound(what: "cadre", id: id.rawValue) }
            if let withdrawal = cadre.withdrawal { throw EngineError.conflict(Self.withdrawn(cadre, withdrawal)) }
            var draft = cadre.details
            let changed = changes.apply(to: &draft)
            let problems = draft.problems(directory: directory, currentYear: year)
            guard problems.isEmpty else {
                throw EngineError.invalid(ValidationError("the cadre cannot be changed so", problems: problems))
            }
            guard !changed.isEmpty else { return cadre }
            if draft.village != cadre.village {
                let running = try writer.reader.activeWorkflows(of: id)
                guard running.isEmpty else {
                    let names = running.map(\.rawValue).joined(separator: ", ")
                    throw EngineError.conflict(
                        "cadre \(id) is in active workflow \(names) in village \(cadre.village); a cohort is the cadres of "
                            + "one village: finish or cancel the workflow before moving the cadre")
                }
                try writer.insert(CadreMove(cadre: id, from: cadre.village, to: draft.village, at: now))
            }
            cadre.details = draft
            try writer.update(cadre)
            var detail = ["fields": changed.map(\.field).joined(separator: ",")]
            for change in changed { detail[change.field] = "\(change.from) → \(change.to)" }
            if !reason.isEmpty { detail["reason"] = reason }
            try writer.record("updated", entityKind: "cadre", entityID: id.rawValue, caller: caller, at: now, detail: detail)
            return cadre
        }
    }

    /// What withdrawing a registration did: the cadre as now, the workflows cancelled
    /// (the cadre was their only one) and those the cadre was taken out of (a cohort).
    public struct Withdrawn: Sendable {
        public var cadre: Cadre
        public var cancelled: [WorkflowID]
        public var left: [WorkflowID]
    }

    /// Withdraws a registration entered in error: the cadre leaves the register and its
    /// numbering, their active workflows are cancelled (or, in a cohort, lose them), and
    /// the history keeps all of it.
    public func withdrawCadre(_ id: CadreID, reason: String, caller: Caller) async throws -> Withdrawn {
        let now = clock.now()
        return try await store.write { writer in
            guard var cadre = try writer.reader.cadre(id) else { throw EngineError.notFound(what: "cadre", id: id.rawValue) }
            if let withdrawal = cadre.withdrawal { throw EngineError.conflict(Self.withdrawn(cadre, withdrawal)) }
            var result = Withdrawn(cadre: cadre, cancelled: [], left: [])
            let why = "registration of \(id) withdrawn: \(reason)"
            for workflowID in try writer.reader.activeWorkflows(of: id) {
                guard let workflow = try writer.reader.workflow(workflowID) else { continue }
                if workflow.cadres == [id] {
                    _ = try Self.cancel(workflow, reason: why, writer: writer, caller: caller, at: now)
                    result.cancelled.append(workflowID)
                } else {
                    try writer.remove(id, from: workflowID)
                    try writer.record(
                        "cadre_removed", entityKind: "workflow", entityID: workflowID.rawValue, caller: caller, at: now,
                        detail: ["cadre": id.rawValue, "reason": why])
                    result.left.append(workflowID)
                }
            }
            cadre.withdrawal = CadreWithdrawal(at: now, reason: reason)
            try writer.update(cadre)
            var detail = ["reason": reason]
            if !result.cancelled.isEmpty { detail["cancelled"] = result.cancelled.map(\.rawValue).joined(separator: ",") }
            if !result.left.isEmpty { detail["left"] = result.left.map(\.rawValue).joined(separator: ",") }
            try writer.record("withdrawn", entityKind: "cadre", entityID: id.rawValue, caller: caller, at: now, detail: detail)
            result.cadre = cadre
            return result
        }
    }

    static func withdrawn(_ cadre: Cadre, _ withdrawal: CadreWithdrawal) -> String {
        let day = ISO8601.string(withdrawal.at, in: .gmt).prefix(10)
        return "the registration of cadre \(cadre.id) was withdrawn on \(day) (\(withdrawal.reason)); it stays in the history only"
    }

    public func cadre(_ id: CadreID) async throws -> Cadre {
        guard let cadre = try await store.read({ try $0.cadre(id) }) else {
            throw EngineError.notFound(what: "cadre", id: id.rawValue)
        }
        return cadre
    }

    public func cadres(matching query: CadreQuery, page: PageRequest) async throws -> Page<Cadre> {
        try await store.read { try $0.cadres(matching: query, page: page) }
    }

    // MARK: Buku Kader

    /// The Buku Kader of a village: every cadre ever registered there or moved there, in
    /// the order they came; those who moved away keep their row with a note. Withdrawn
    /// registrations are not in it.
    public func kaderBook(village: RegionCode) async throws -> KaderBook {
        let directory = self.directory
        guard village.level == .village, directory.region(village) != nil else {
            throw EngineError.notFound(what: "village", id: village.description)
        }
        let year = currentYear
        let zone = directory.timeZone(of: village) ?? .gmt
        let (cadres, moves) = try await store.read { try $0.cadres(everIn: village) }
        let movesOf = Dictionary(grouping: moves, by: \.cadre)
        func label(_ code: RegionCode) -> String { directory.name(of: code).map { "\($0) (\(code))" } ?? code.description }

        let entries = cadres.enumerated().map { order, cadre in
            let own = movesOf[cadre.id] ?? []
            let registeredIn = own.first?.from ?? cadre.village
            let arrival = registeredIn == village ? cadre.registeredAt : own.first { $0.to == village }?.at ?? cadre.registeredAt
            var remarks = [Self.remark(cadre.status)]
            if registeredIn != village, let from = own.first(where: { $0.to == village })?.from {
                remarks.append("pindahan dari \(label(from))")
            }
            if cadre.village != village, let left = own.last(where: { $0.from == village }) {
                remarks.append("pindah ke \(label(left.to)) pada \(LocalDate(left.at, in: zone))")
            }
            if !cadre.notes.isEmpty { remarks.append(cadre.notes) }
            return (arrival: arrival, order: order, cadre: cadre, remarks: remarks.joined(separator: "; "))
        }
        let rows = entries.sorted { ($0.arrival, $0.order) < ($1.arrival, $1.order) }.enumerated().map { index, entry in
            let cadre = entry.cadre
            return KaderBook.Row(
                number: index + 1, cadre: cadre.id, name: cadre.name, age: cadre.age(in: year),
                sex: cadre.sex.registerLetter,
                educationAndCourses: ([cadre.education] + cadre.courses).filter { !$0.isEmpty }.joined(separator: "; "),
                field: cadre.field, address: cadre.village == village ? cadre.address : "", remarks: entry.remarks)
        }
        return KaderBook(year: year, rows: rows)
    }

    private static func remark(_ status: CadreStatus) -> String {
        switch status {
        case .candidate: "Calon KPMD"
        case .active: "KPMD aktif"
        case .completed: "KPMD, kaderisasi selesai"
        case .inactive: "Tidak aktif"
        }
    }
}
