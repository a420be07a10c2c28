/// One page of a list, with the cursor that fetches the next (nil on the last page).
public struct Page<Element: Sendable>: Sendable {
    public var items: [Element]
    public var nextCursor: String?

    public init(items: [Element], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

/// Where a page starts and how long it is.
public struct PageRequest: Sendable, Hashable {
    public static let defaultLimit = 100
    public static let maximumLimit = 1000

    public var cursor: String?
    public var limit: Int

    public init(cursor: String? = nil, limit: Int = PageRequest.defaultLimit) {
        self.cursor = cursor
        self.limit = limit
    }
}
