// Not all of Foundation: it would link ICU into kaderctl and slow every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A cadre as the API shows it: the registered fields, every one given, with the id and
/// what the register adds. Written flat, as one object.
@dynamicMemberLookup
public struct CadreInfo: Codable, Sendable, Hashable {
    public var id: String
    public var fields: CadreFields
    public var villageName: String
    public var registeredAt: Date
    /// When the registration was withdrawn as entered in error, and why; absent otherwise.
    public var withdrawnAt: Date?
    public var withdrawalReason: String?

    public init(
        id: String, fields: CadreFields, villageName: String, registeredAt: Date, withdrawnAt: Date? = nil,
        withdrawalReason: String? = nil
    ) {
        self.id = id
        self.fields = fields
        self.villageName = villageName
        self.registeredAt = registeredAt
        self.withdrawnAt = withdrawnAt
        self.withdrawalReason = withdrawalReason
    }

    public subscript<Value>(dynamicMember field: KeyPath<CadreFields, Value>) -> Value { fields[keyPath: field] }

    enum CodingKeys: String, CodingKey {
        case id
        case villageName = "village_name"
        case registeredAt = "registered_at"
        case withdrawnAt = "withdrawn_at"
        case withdrawalReason = "withdrawal_reason"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        fields = try CadreFields(from: decoder)
        villageName = try container.decode(String.self, forKey: .villageName)
        registeredAt = try container.decode(Date.self, forKey: .registeredAt)
        withdrawnAt = try container.decodeIfPresent(Date.self, forKey: .withdrawnAt)
        withdrawalReason = try container.decodeIfPresent(String.self, forKey: .withdrawalReason)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try fields.encode(to: encoder)
        try container.encode(villageName, forKey: .villageName)
        try container.encode(registeredAt, forKey: .registeredAt)
        try container.encodeIfPresent(withdrawnAt, forKey: .withdrawnAt)
        try container.encodeIfPresent(withdrawalReason, forKey: .withdrawalReason)
    }
}

/// A cadre's fields on the wire, the one place they are spelled: what `cadre.register`
/// takes (one element of a batch, `cadres`), what `cadre.update` changes and what
/// `CadreInfo` shows. Each is optional here: a registration must give name, sex,
/// birth_year, field and village (the API names each one missing), an update gives only
/// what changes, and a cadre shown has them all.
public struct CadreFields: Codable, Sendable, Hashable {
    public var name: String?
    /// male or female.
    public var sex: String?
    public var birthYear: Int?
    public var education: String?
    public var courses: [String]?
    /// The bidang.
    public var field: String?
    public var village: String?
    public var address: String?
    /// candidate, active, completed or inactive.
    public var status: String?
    public var notes: String?

    public init() {}

    /// The five a registration cannot do without.
    public init(name: String, sex: String, birthYear: Int, field: String, village: String) {
        (self.name, self.sex, self.birthYear, self.field, self.village) = (name, sex, birthYear, field, village)
    }

    enum CodingKeys: String, CodingKey {
        case name, sex, education, courses, field, village, address, status, notes
        case birthYear = "birth_year"
    }
}

/// `cadre.register` params: one cadre's fields, or `cadres`, a batch registered all or none.
public struct CadreRegisterParams: Codable, Sendable, Hashable {
    public var cadres: [CadreFields]?
    public var single: CadreFields?
    /// Registers someone with the name, sex, birth year and village of a registered cadre:
    /// the caller says it is another person.
    public var allowDuplicate: Bool?
    /// Checks everything and registers no one.
    public var dryRun: Bool?

    public init(cadres: [CadreFields], allowDuplicate: Bool? = nil, dryRun: Bool? = nil) {
        self.cadres = cadres
        self.allowDuplicate = allowDuplicate
        self.dryRun = dryRun
    }

    public init(single: CadreFields, allowDuplicate: Bool? = nil) {
        self.single = single
        self.allowDuplicate = allowDuplicate
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: BatchKey.self)
        if container.contains(.cadres) {
            cadres = try container.decode([CadreFields].self, forKey: .cadres)
        } else {
            single = try CadreFields(from: decoder)
        }
        allowDuplicate = try container.decodeIfPresent(Bool.self, forKey: .allowDuplicate)
        dryRun = try container.decodeIfPresent(Bool.self, forKey: .dryRun)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: BatchKey.self)
        if let cadres {
            try container.encode(cadres, forKey: .cadres)
        } else {
            try single?.encode(to: encoder)
        }
        try container.encodeIfPresent(allowDuplicate, forKey: .allowDuplicate)
        try container.encodeIfPresent(dryRun, forKey: .dryRun)
    }

    enum BatchKey: String, CodingKey {
        case cadres
        case allowDuplicate = "allow_duplicate"
        case dryRun = "dry_run"
    }
}

/// `cadre.withdraw`'s reply: the cadre as now, and what became of their active workflows.
public struct CadreWithdrawResult: Codable, Sendable, Hashable {
    public var cadre: CadreInfo
    /// Workflows cancelled: the cadre was their only one.
    public var cancelledWorkflows: [String]
    /// Cohorts the cadre was taken out of; they go on for the others.
    public var leftWorkflows: [String]

    public init(cadre: CadreInfo, cancelledWorkflows: [String], leftWorkflows: [String]) {
        self.cadre = cadre
        self.cancelledWorkflows = cancelledWorkflows
        self.leftWorkflows = leftWorkflows
    }

    enum CodingKeys: String, CodingKey {
        case cadre
        case cancelledWorkflows = "cancelled_workflows"
        case leftWorkflows = "left_workflows"
    }
}

public struct CadreBatch: Codable, Sendable, Hashable {
    public var cadres: [CadreInfo]
    public init(cadres: [CadreInfo]) { self.cadres = cadres }
}

public struct CadreListParams: Codable, Sendable, Hashable {
    public var province: String?
    public var regency: String?
    public var district: String?
    public var village: String?
    public var status: String?
    /// Withdrawn registrations instead of the register.
    public var withdrawn: Bool?
    public var cursor: String?
    public var limit: Int?

    public init(
        province: String? = nil, regency: String? = nil, district: String? = nil, village: String? = nil,
        status: String? = nil, withdrawn: Bool? = nil, cursor: String? = nil, limit: Int? = nil
    ) {
        self.province = province
        self.regency = regency
        self.district = district
        self.village = village
        self.status = status
        self.withdrawn = withdrawn
        self.cursor = cursor
        self.limit = limit
    }
}

public struct CadreList: Codable, Sendable, Hashable {
    public var cadres: [CadreInfo]
    public var nextCursor: String?

    public init(cadres: [CadreInfo], nextCursor: String?) {
        self.cadres = cadres
        self.nextCursor = nextCursor
    }

    enum CodingKeys: String, CodingKey {
        case cadres
        case nextCursor = "next_cursor"
    }

    /// `next_cursor` is always written, null on the last page, as the schema says.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cadres, forKey: .cadres)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}

public struct IDParams: Codable, Sendable, Hashable {
    public var id: String
    public init(id: String) { self.id = id }
}

/// `cadre.update`: the id, the fields to change (those given), and why.
public struct CadreUpdateParams: Codable, Sendable, Hashable {
    public var id: String
    public var fields: CadreFields
    /// Why, for the history: "salah ketik nama", "pindah domisili".
    public var reason: String?

    public init(id: String, fields: CadreFields = CadreFields(), reason: String? = nil) {
        self.id = id
        self.fields = fields
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case id, reason
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        fields = try CadreFields(from: decoder)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try fields.encode(to: encoder)
        try container.encodeIfPresent(reason, forKey: .reason)
    }
}

/// One recorded change, as `*.get` shows an entity's history.
public struct HistoryInfo: Codable, Sendable, Hashable {
    public var seq: Int64
    public var at: Date
    public var uid: UInt32?
    public var agent: String
    public var action: String
    public var detail: [String: String]

    public init(seq: Int64, at: Date, uid: UInt32?, agent: String, action: String, detail: [String: String]) {
        self.seq = seq
        self.at = at
        self.uid = uid
        self.agent = agent
        self.action = action
        self.detail = detail
    }
}

public struct CadreDetail: Codable, Sendable, Hashable {
    public var cadre: CadreInfo
    public var history: [HistoryInfo]
    public init(cadre: CadreInfo, history: [HistoryInfo]) {
        self.cadre = cadre
        self.history = history
    }
}

/// `cadre.import_stage`'s params: one chunk of an import.
public struct CadreImportStageParams: Codable, Sendable, Hashable {
    public var importName: String?
    public var first: Int?
    public var cadres: [CadreFields]?

    public init(importName: String, first: Int, cadres: [CadreFields]) {
        self.importName = importName
        self.first = first
        self.cadres = cadres
    }

    /// The params with cadres the client has already encoded (and measured, to size the chunk).
    public static func json(importName: String, first: Int, encodedCadres: [JSONValue]) -> JSONValue {
        .object([
            CodingKeys.importName.stringValue: .string(importName),
            CodingKeys.first.stringValue: JSONValue(integerLiteral: first),
            CodingKeys.cadres.stringValue: .array(encodedCadres),
        ])
    }

    enum CodingKeys: String, CodingKey {
        case importName = "import"
        case first, cadres
    }
}

/// `cadre.import_stage`'s reply: the chunk's cadres as they would be registered (empty ids).
public struct CadreImportStaged: Codable, Sendable, Hashable {
    public var importName: String
    /// Rows kept so far, this chunk's included.
    public var staged: Int
    public var cadres: [CadreInfo]

    public init(importName: String, staged: Int, cadres: [CadreInfo]) {
        self.importName = importName
        self.staged = staged
        self.cadres = cadres
    }

    enum CodingKeys: String, CodingKey {
        case importName = "import"
        case staged, cadres
    }
}

public struct CadreImportCommitParams: Codable, Sendable, Hashable {
    public var importName: String?
    public var rows: Int?
    public var allowDuplicate: Bool?
    public var dryRun: Bool?

    public init(importName: String, rows: Int, allowDuplicate: Bool? = nil, dryRun: Bool? = nil) {
        self.importName = importName
        self.rows = rows
        self.allowDuplicate = allowDuplicate
        self.dryRun = dryRun
    }

    enum CodingKeys: String, CodingKey {
        case importName = "import"
        case rows
        case allowDuplicate = "allow_duplicate"
        case dryRun = "dry_run"
    }
}

/// `cadre.import_commit`'s reply: the registered cadres' ids in row order (empty on a dry run).
public struct CadreImportCommitted: Codable, Sendable, Hashable {
    public var imported: Int
    public var ids: [String]

    public init(imported: Int, ids: [String]) {
        self.imported = imported
        self.ids = ids
    }
}

public struct CadreImportDiscardParams: Codable, Sendable, Hashable {
    public var importName: String?

    public init(importName: String) { self.importName = importName }

    enum CodingKeys: String, CodingKey {
        case importName = "import"
    }
}

/// `cadre.import_discard`'s reply: what was dropped.
public struct CadreImportDiscarded: Codable, Sendable, Hashable {
    public var importName: String
    public var staged: Int

    public init(importName: String, staged: Int) {
        self.importName = importName
        self.staged = staged
    }

    enum CodingKeys: String, CodingKey {
        case importName = "import"
        case staged
    }
}
