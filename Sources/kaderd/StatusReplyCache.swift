import KaderEngine
import KaderRPC
import KaderStore
import Synchronization

/// Keeps `daemon.status` written out between calls while what it reports is unchanged.
///
/// What it says changes with commits, reloads and catch-ups, not from one call to the next;
/// only the uptime and the connection count do. So the status is encoded once per change,
/// with holes where those two go, and each call copies the bytes around them.
final class StatusReplyCache: Sendable {
    /// Everything the cached encoding was made from; a change in any makes a new one.
    struct Inputs: Sendable, Equatable {
        var summary: StoreSummary
        var reload: ReloadOutcome
        var lastCatchUp: CatchUpReport?
        var cluster: ClusterView?
        var role: Leadership.Role?
        var clockOffset: Double?
        var socket: String
        var holidaysRunOut: Bool
    }

    private let cached = Mutex<(inputs: Inputs, template: Template)?>(nil)

    func template(for inputs: Inputs, make: () throws -> Template) rethrows -> Template {
        if let hit = cached.withLock({ $0?.inputs == inputs ? $0?.template : nil }) { return hit }
        let template = try make()
        cached.withLock { $0 = (inputs, template) }
        return template
    }

    /// A JSON object written out with holes for the members filled in at each call.
    struct Template: Sendable {
        /// The bytes around the holes, in order: one more than `holes`.
        private var pieces: [[UInt8]]
        /// The key of each hole, in the order they appear (or were given, for `whole`).
        private var holes: [String]
        /// Set when a marker could not be found exactly once: every call writes it all.
        private var whole: JSONObject?

        init(_ object: JSONObject, holes keys: [String]) {
            var marked = object
            for (index, key) in keys.enumerated() { marked[key] = .string(Self.marker(index)) }
            let bytes = JSONWriter.bytes(.object(marked))
            var found: [(range: Range<Int>, key: String)] = []
            for (index, key) in keys.enumerated() {
                let ranges = bytes.ranges(of: JSONWriter.bytes(.string(Self.marker(index))))
                if ranges.count == 1 { found.append((ranges[0], key)) }
            }
            guard found.count == keys.count else {
                pieces = []
                holes = keys
                whole = object
                return
            }
            found.sort { $0.range.lowerBound < $1.range.lowerBound }
            pieces = []
            var start = 0
            for hole in found {
                pieces.append(Array(bytes[start..<hole.range.lowerBound]))
                start = hole.range.upperBound
            }
            pieces.append(Array(bytes[start...]))
            holes = found.map(\.key)
            whole = nil
        }

        /// The object with each hole's value, as `JSONWriter` would write it whole.
        func filled(_ value: (String) -> JSONValue) -> EncodedJSON {
            if var whole {
                for key in holes { whole[key] = value(key) }
                return EncodedJSON(.object(whole))
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(pieces.reduce(32) { $0 + $1.count })
            for (index, key) in holes.enumerated() {
                bytes += pieces[index]
                JSONWriter.write(value(key), into: &bytes)
            }
            bytes += pieces[holes.count]
            return EncodedJSON(written: bytes)
        }

        /// A string no status holds: control characters, which JSON escapes.
        private static func marker(_ index: Int) -> String { "\u{0}hole \(index)\u{0}" }
    }
}
