import Foundation
import KaderStore

extension PostgresReader {
    public func call(withKey key: String) throws -> CallRecord? {
        try session.rows("SELECT method, params_digest, at, reply FROM call_key WHERE key = \(key)").first.map { row in
            CallRecord(
                method: try row["method"], paramsDigest: try row["params_digest"],
                at: Date(timeIntervalSince1970: try row["at"]), reply: try row["reply"])
        }
    }
}

extension PostgresWriter {
    public func record(_ call: CallKey, at: Date) throws {
        try session.execute(
            """
            INSERT INTO call_key (key, method, params_digest, at)
            VALUES (\(call.key), \(call.method), \(call.paramsDigest), \(at.timeIntervalSince1970))
            """)
    }

    public func keepReply(_ reply: String, forCall key: String, forgetBefore: Date) throws {
        try session.execute("UPDATE call_key SET reply = \(reply) WHERE key = \(key)")
        try session.execute("DELETE FROM call_key WHERE at < \(forgetBefore.timeIntervalSince1970)")
    }
}
