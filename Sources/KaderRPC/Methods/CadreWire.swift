// Not all of Foundation: it would link ICU into kaderctl and slow every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A cadre as the API shows it.
public struct CadreInfo: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    /// male or female.
    public var sex: String
    public var birthYear: Int
    public var education: String
    public var courses: [String]
    /// The bidang.
    public var field: String
    public var village: String
    public var villageName: String
    public var address: String
    /// candidate, active, graduated or inactive.
    public var status: String
    public var notes: String
    public var registeredAt: Date

    public init(
        id: String, name: String, sex: String, birthYear: Int, education: String, courses: [String], field: String,
        village: String, villageName: String, address: String, status: String, notes: String, registeredAt: Date
    ) {
        self.id = id
        self.name = name
        self.sex = sex
        self.birthYear = birthYear
        self.education = education
        self.courses = courses
        self.field = field
        self.village = village
        self.villageName = villageName
        self.address = address
        self.status = status
        self.notes = notes
        self.registeredAt = registeredAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name, sex, education, courses, field, village, address, status, notes
        case birthYear = "birth_year"
        case villageName = "village_name"
        case registeredAt = "registered_at"
    }
}

/// The fields of a cadre to register; also one element of a batch (`cadres`).
public struct CadreFields: Codable, Sendable, Hashable {
    public var name: String
    public var sex: String
    public var birthYear: Int
    public var education: String?
    public var courses: [String]?
    public var field: String
    public var village: String
    public var address: String?
    public var status: String?
    public var notes: String?

    public init(
        name: String, sex: String, birthYear: Int, education: String? = nil, courses: [String]? = nil, field: String,
        village: String, address: String? = nil, status: String? = nil, notes: String? = nil
    ) {
        self.name = name
        self.sex = sex
        self.birthYear = birthYear
        self.education = education
        self.courses = courses
        self.field = field
        self.village = village
        self.address = address
        self.status = status
        self.notes = notes
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

    public init(cadres: [CadreFields]) {
        self.cadres = cadres
    }

    public init(single: CadreFields) {
        self.single = single
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: BatchKey.self)
        if container.contains(.cadres) {
            cadres = try container.decode([CadreFields].self, forKey: .cadres)
        } else {
            single = try CadreFields(from: decoder)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        if let cadres {
            var container = encoder.container(keyedBy: BatchKey.self)
            try container.encode(cadres, forKey: .cadres)
        } else {
            try single?.encode(to: encoder)
        }
    }

    enum BatchKey: String, CodingKey { case cadres }
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
    public var cursor: String?
    public var limit: Int?

    public init(
        province: String? = nil, regency: String? = nil, district: String? = nil, village: String? = nil,
        status: String? = nil, cursor: String? = nil, limit: Int? = nil
    ) {
        self.province = province
        self.regency = regency
        self.district = district
        self.village = village
        self.status = status
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
}

public struct IDParams: Codable, Sendable, Hashable {
    public var id: String
    public init(id: String) { self.id = id }
}

/// `cadre.update`: the id and the fields to change.
public struct CadreUpdateParams: Codable, Sendable, Hashable {
    public var id: String
    public var name: String?
    public var sex: String?
    public var birthYear: Int?
    public var education: String?
    public var courses: [String]?
    public var field: String?
    public var village: String?
    public var address: String?
    public var status: String?
    public var notes: String?

    public init(id: String) { self.id = id }

    enum CodingKeys: String, CodingKey {
        case id, name, sex, education, courses, field, village, address, status, notes
        case birthYear = "birth_year"
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
