import Foundation
import KaderCore
import KaderEngine
import KaderRPC
import KaderStore

/// The checked inputs of the `cadre.*` methods.
enum CadreInput {
    struct Register: MethodInput {
        let drafts: [CadreDraft]
        /// A batch is registered all or none, and its problems are named by index.
        let asBatch: Bool
        let allowDuplicates: Bool
        let dryRun: Bool

        init(_ params: CadreRegisterParams, in directory: RegionDirectory) throws(RPCError) {
            let batch = params.cadres ?? params.single.map { [$0] } ?? []
            var reader = ParamReader()
            if batch.isEmpty { reader.note("cadres", "name at least one cadre") }
            asBatch = params.cadres != nil
            let prefixed = asBatch
            let drafts = batch.enumerated().compactMap { index, fields in
                CadreInput.draft(fields, prefix: prefixed ? "cadres[\(index)]." : "", directory: directory, reader: &reader)
            }
            try reader.check(asBatch ? "the cadres cannot be registered" : "the cadre cannot be registered")
            self.drafts = drafts
            allowDuplicates = params.allowDuplicate ?? false
            dryRun = params.dryRun ?? false
        }
    }

    /// One chunk of an import: its rows are drafts named by their index in the whole import.
    struct Stage: MethodInput {
        let name: String
        let first: Int
        let drafts: [CadreDraft]
        /// Problems found in the rows themselves; the engine adds the plugins'.
        let problems: [RPCFieldError]

        init(_ params: CadreImportStageParams, in directory: RegionDirectory) throws(RPCError) {
            var reader = ParamReader()
            let name = reader.importName(params.importName)
            let first = params.first ?? 0
            if params.first == nil { reader.note("first", "is required") } else if first < 0 { reader.note("first", "must be 0 or more") }
            let rows = params.cadres ?? []
            if rows.isEmpty { reader.note("cadres", "name at least one cadre") }
            self.name = try reader.check("the chunk cannot be staged", name)
            // Bad rows are the chunk's answer, not the request's: the import is told of them.
            var rowProblems = ParamReader()
            drafts = rows.enumerated().compactMap { index, fields in
                CadreInput.draft(fields, prefix: "cadres[\(first + index)].", directory: directory, reader: &rowProblems)
            }
            problems = rowProblems.problems
            self.first = first
        }
    }

    struct Commit: MethodInput {
        let name: String
        let rows: Int
        let allowDuplicates: Bool
        let dryRun: Bool

        init(_ params: CadreImportCommitParams, in directory: RegionDirectory) throws(RPCError) {
            var reader = ParamReader()
            let name = reader.importName(params.importName)
            if params.rows == nil { reader.note("rows", "is required") }
            self.name = try reader.check("the import cannot be committed", name)
            rows = params.rows ?? 0
            allowDuplicates = params.allowDuplicate ?? false
            dryRun = params.dryRun ?? false
        }
    }

    struct Discard: MethodInput {
        let name: String

        init(_ params: CadreImportDiscardParams, in directory: RegionDirectory) throws(RPCError) {
            var reader = ParamReader()
            let name = reader.importName(params.importName)
            self.name = try reader.check("the import cannot be discarded", name)
        }
    }

    struct List: MethodInput {
        let query: CadreQuery
        let page: PageRequest

        init(_ params: CadreListParams, in directory: RegionDirectory) throws(RPCError) {
            var reader = ParamReader()
            let region = reader.regionFilter(
                province: params.province, regency: params.regency, district: params.district, village: params.village,
                directory: directory)
            let status = reader.choice(params.status, field: "status", as: CadreStatus.self)
            let limit = reader.limit(params.limit)
            try reader.check("the list cannot be made")
            query = CadreQuery(region: RegionFilter(within: region), status: status, withdrawn: params.withdrawn ?? false)
            page = PageRequest(cursor: params.cursor, limit: limit)
        }
    }

    struct Update: MethodInput {
        let id: CadreID
        let changes: CadreChanges
        /// Why, for the history; may be empty.
        let reason: String

        init(_ update: CadreUpdateParams, in directory: RegionDirectory) throws(RPCError) {
            let params = update.fields
            var reader = ParamReader()
            let id = reader.id(update.id, field: "id", as: CadreKind.self)
            let village = reader.regionCode(params.village, field: "village", level: .village, directory: directory)
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
                // The other fields' problems in the same reply; the engine checks them otherwise.
                for problem in CadreDraft.problems(
                    name: params.name, birthYear: params.birthYear, field: params.field, village: village,
                    directory: directory, currentYear: CadreInput.currentYear)
                {
                    reader.note(problem.field, problem.message)
                }
            }
            self.id = try reader.check("the cadre cannot be changed", id)
            self.changes = changes
            reason = update.reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        }
    }

    struct Withdraw: MethodInput {
        let id: CadreID
        let reason: String

        init(_ params: ReasonParams, in directory: RegionDirectory) throws(RPCError) {
            var reader = ParamReader()
            let id = reader.id(params.id, field: "id", as: CadreKind.self)
            let reason = reader.reason(params.reason, why: "say why the registration was wrong, for the history")
            self.id = try reader.check("the registration cannot be withdrawn", id)
            self.reason = reason
        }
    }

    /// A draft from wire fields; problems go to `reader` under `prefix`. When a field is
    /// missing or malformed, the others are still checked, so one reply names everything to fix.
    private static func draft(
        _ fields: CadreFields, prefix: String, directory: RegionDirectory, reader: inout ParamReader
    ) -> CadreDraft? {
        for (field, given) in [
            ("name", fields.name != nil), ("sex", fields.sex != nil), ("birth_year", fields.birthYear != nil),
            ("field", fields.field != nil), ("village", fields.village != nil),
        ] where !given {
            reader.note(prefix + field, "is required")
        }
        let sex = reader.sex(fields.sex, field: prefix + "sex")
        let village = reader.regionCode(fields.village, field: prefix + "village", level: .village, directory: directory)
        let status = reader.choice(fields.status ?? "candidate", field: prefix + "status", as: CadreStatus.self)
        guard let name = fields.name, let birthYear = fields.birthYear, let field = fields.field, let sex, let village,
            let status
        else {
            for problem in CadreDraft.problems(
                name: fields.name, birthYear: fields.birthYear, field: fields.field, village: village,
                directory: directory, currentYear: currentYear)
            {
                reader.note(prefix + problem.field, problem.message)
            }
            return nil
        }
        return CadreDraft(
            name: name, sex: sex, birthYear: birthYear, education: fields.education ?? "", courses: fields.courses ?? [],
            field: field, village: village, address: fields.address ?? "", status: status, notes: fields.notes ?? "")
    }

    /// The year ages are counted in, on the daemon's calendar.
    static var currentYear: Int { Calendar(identifier: .gregorian).component(.year, from: Date()) }
}
