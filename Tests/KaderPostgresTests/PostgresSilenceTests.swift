import Foundation
import KaderPostgres
import KaderStore
import KaderTesting
import Logging
import Testing

/// A database server that takes the connection and never says a word (hung, or something
/// else on its socket): opening the store gives up after its limit with `unreachable`,
/// whatever the client library does meanwhile, and kaderd's start-up says so.
@Suite struct PostgresSilenceTests {
    @Test func aServerThatNeverAnswersIsReportedUnreachable() async throws {
        let directory = TemporaryDirectory()
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = directory.file(".s.PGSQL.5432")
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path.utf8.prefix(raw.count - 1))
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0 && listen(listener, 16) == 0)

        let location = try PostgresLocation(url: "postgresql:///kaderd?host=\(directory.path)&port=5432&user=kaderd", defaultUser: "kaderd")
        let started = ContinuousClock.now
        do {
            _ = try await PostgresStore(location, password: nil, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
            Issue.record("a store opened on a server that never answers")
        } catch {
            #expect("\(error)".contains("did not answer within 15 s"), "\(error)")
        }
        // The limit, not however long the client would have waited.
        #expect(ContinuousClock.now - started < .seconds(60))
    }
}
