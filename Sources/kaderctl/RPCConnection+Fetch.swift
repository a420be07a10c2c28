import KaderClient
import KaderRPC

/// A result as the daemon sent it, for `--json`, beside its decoded form, for tables.
struct Fetched<Value> {
    var raw: JSONValue
    var value: Value
}

/// A list method's params: the cursor is how kaderctl walks the pages for `--all`.
protocol PagedParams: Encodable {
    var cursor: String? { get set }
}

/// A list method's result: one page of items and the cursor of the next.
protocol PagedResult: Decodable {
    associatedtype Item: Decodable
    /// The key the items are under, so `--all` can join the pages' raw JSON too.
    static var itemsKey: String { get }
    var items: [Item] { get }
    var nextCursor: String? { get }
}

extension RPCConnection {
    /// Calls `method` with typed params and decodes its result, keeping the raw reply.
    func fetch<Result: Decodable>(_ method: RPCMethodDescriptor, _ params: some Encodable, as type: Result.Type)
        throws(ClientError) -> Fetched<Result>
    {
        try fetch(method, json: Self.json(params), as: type)
    }

    /// Calls `method` with params already in JSON and decodes its result, keeping the raw reply.
    func fetch<Result: Decodable>(_ method: RPCMethodDescriptor, json params: JSONValue, as type: Result.Type)
        throws(ClientError) -> Fetched<Result>
    {
        let raw = try call(method.name, params: params)
        do {
            return Fetched(raw: raw, value: try raw.decode(Result.self))
        } catch {
            throw .malformedReply(socket: socketPath, detail: "the result of \(method.name) does not match its schema: \(error)")
        }
    }

    /// One page, or with `all` every page joined; `nextCursor` is set when items were left out.
    func fetchList<Params: PagedParams, Result: PagedResult>(
        _ method: RPCMethodDescriptor, _ params: Params, as type: Result.Type, all: Bool
    ) throws(ClientError) -> (raw: JSONValue, items: [Result.Item], nextCursor: String?) {
        var params = params
        var rawItems: [JSONValue] = []
        var items: [Result.Item] = []
        while true {
            let page = try fetch(method, params, as: Result.self)
            guard all else { return (page.raw, page.value.items, page.value.nextCursor) }
            rawItems += page.raw[Result.itemsKey]?.arrayValue ?? []
            items += page.value.items
            guard let next = page.value.nextCursor else { break }
            params.cursor = next
        }
        return ([Result.itemsKey: .array(rawItems), "next_cursor": .null], items, nil)
    }

    /// Our own wire structs always encode; failing to would be a bug in this program.
    private static func json(_ params: some Encodable) -> JSONValue {
        guard let json = try? JSONValue(encoding: params) else {
            preconditionFailure("\(type(of: params)) does not encode as JSON")
        }
        return json
    }
}

extension CadreListParams: PagedParams {}
extension WorkflowListParams: PagedParams {}
extension TaskListParams: PagedParams {}

extension CadreList: PagedResult {
    static let itemsKey = "cadres"
    var items: [CadreInfo] { cadres }
}

extension WorkflowList: PagedResult {
    static let itemsKey = "workflows"
    var items: [WorkflowInfo] { workflows }
}

extension TaskList: PagedResult {
    static let itemsKey = "tasks"
    var items: [TaskInfo] { tasks }
}
