/// An opaque id that says what it names (`cdr_…`, `wf_…`, `tsk_…`), so a pasted id is never
/// mistaken for another kind.
public struct EntityID<Kind: EntityKind>: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts only ids of this kind: the right prefix followed by the random part.
    public init(_ text: String) throws(EntityIDError) {
        let prefix = Kind.idPrefix + "_"
        // Bytes, not Characters: every id read from the store passes here, and Unicode
        // character properties were a visible share of the time to list a page of tasks.
        guard text.hasPrefix(prefix), text.utf8.count > prefix.utf8.count,
            text.utf8.dropFirst(prefix.utf8.count).allSatisfy(Self.isASCIILetterOrDigit)
        else {
            throw EntityIDError(text: text, expectedPrefix: prefix, kindName: Kind.kindName)
        }
        self.rawValue = text
    }

    /// An id this program checked before storing it, read back unchecked: listings read
    /// thousands a second, and checking them again could only find an altered file. A static
    /// function, not an initializer, so that `TaskID.init` still names the checking one.
    public static func trusted(_ text: String) -> Self {
        Self(checked: text)
    }

    private init(checked text: String) {
        self.rawValue = text
    }

    /// Makes a fresh id from `random` characters (callers supply the randomness).
    public init(random: String) {
        self.rawValue = Kind.idPrefix + "_" + random
    }

    public var description: String { rawValue }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "A")...UInt8(ascii: "Z"):
            true
        default: false
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What kind of thing an id names.
public protocol EntityKind: Sendable {
    static var idPrefix: String { get }
    /// For messages: "cadre", "workflow", "task".
    static var kindName: String { get }
}

public struct EntityIDError: Error, Sendable, Equatable, CustomStringConvertible {
    public let text: String
    public let expectedPrefix: String
    public let kindName: String

    public var description: String {
        "'\(text)' is not a \(kindName) id (\(kindName) ids look like \(expectedPrefix)…)"
    }
}

public enum CadreKind: EntityKind {
    public static let idPrefix = "cdr"
    public static let kindName = "cadre"
}

public enum WorkflowKind: EntityKind {
    public static let idPrefix = "wf"
    public static let kindName = "workflow"
}

public enum TaskKind: EntityKind {
    public static let idPrefix = "tsk"
    public static let kindName = "task"
}

public enum FacilitatorKind: EntityKind {
    public static let idPrefix = "fac"
    public static let kindName = "facilitator"
}

public typealias CadreID = EntityID<CadreKind>
public typealias FacilitatorID = EntityID<FacilitatorKind>
public typealias WorkflowID = EntityID<WorkflowKind>
public typealias TaskID = EntityID<TaskKind>
