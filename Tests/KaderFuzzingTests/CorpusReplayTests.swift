import Foundation
import KaderFuzzing
import KaderTesting
import Testing

/// Every input in the fuzz corpus (the seeds, and each crash the fuzzer ever found) goes
/// through the fuzzer's own entry point on every test run, so a fixed crash stays fixed.
@Suite struct CorpusReplayTests {
    static let corpus = PackageRoot.path + "/Tests/Fuzz/corpus"

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).sorted()
    }

    @Test func theCorpusIsThere() {
        #expect(Self.inputs.count >= 20, "expected the seed corpus in \(Self.corpus)")
    }

    @Test(arguments: inputs)
    func repliesStayValidJSONRPC(input: String) async throws {
        let data = try #require(FileManager.default.contents(atPath: Self.corpus + "/" + input))
        #expect(await FuzzHarness.problems(Array(data)) == [])
    }
}
