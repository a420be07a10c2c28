import Foundation
import KaderCore

/// A value the store wrote itself, read back: one that no longer parses means the database
/// was altered behind kaderd's back. Both backends read their rows through this.
package func decodeStored<T: StoredText>(_ text: String, as type: T.Type) throws(StoreError) -> T {
    guard let value = T(storedText: text) else {
        throw .corrupt(reason: "it holds '\(text)', which is not a valid \(T.self)")
    }
    return value
}

/// Domain values kept as text columns.
package protocol StoredText {
    init?(storedText: String)
}

extension EntityID: StoredText {
    package init?(storedText: String) { try? self.init(storedText) }
}

extension RegionCode: StoredText {
    package init?(storedText: String) { try? self.init(storedText) }
}

extension LocalDate: StoredText {
    package init?(storedText: String) { try? self.init(parsing: storedText) }
}

/// Working days as stored: ISO weekday numbers, "1,2,3,4,5".
package enum StoredWorkingDays {
    package static func text(_ days: Set<Weekday>) -> String {
        days.map(\.rawValue).sorted().map(String.init).joined(separator: ",")
    }

    package static func days(_ text: String) -> Set<Weekday> {
        Set(text.split(separator: ",").compactMap { Int($0).flatMap(Weekday.init(rawValue:)) })
    }
}
