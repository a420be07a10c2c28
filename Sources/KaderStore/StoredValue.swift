/// A column's value as one backend holds it, for copying a store to another backend.
package enum StoredValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}
