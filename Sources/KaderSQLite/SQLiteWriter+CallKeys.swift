import Foundation
import GRDB
import KaderStore

extension SQLiteReader {
    public func call(withKey key: String) throws -> CallRecord? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT method, params_digest, at, reply FROM call_key WHERE key = ?"), arguments: [key]
        ).map { row in
            CallRecord(
                method: row["method"], paramsDigest: row["params_digest"], at: Date(timeIntervalSince1970: row["at"]),
                reply: row["reply"])
        }
    }
}

extension SQLiteWriter {
    public func record(_ call: CallKey, at: Date) throws {
        try db.execute(
            sql: "INSERT INTO call_key (key, method, params_digest, at) VALUES (?, ?, ?, ?)",
            arguments: [call.key, call.method, call.paramsDigest, at.timeIntervalSince1970])
    }

    public func keepReply(_ reply: String, forCall key: String, forgetBefore: Date) throws {
        try db.execute(sql: "UPDATE call_key SET reply = ? WHERE key = ?", arguments: [reply, key])
        try db.execute(sql: "DELETE FROM call_key WHERE at < ?", arguments: [forgetBefore.timeIntervalSince1970])
    }
}
