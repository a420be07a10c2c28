import KaderCore
import KaderEngine
import Testing

@Suite struct IDGeneratorTests {
    /// Ids made one after another sort in that order (so the store's id indexes grow at
    /// their end), never repeat, and keep their shape: the prefix and 14 characters that
    /// read aloud without ambiguity.
    @Test func idsAreDistinctOrderedAndReadable() {
        let generator = IDGenerator()
        let ids = (0..<100_000).map { _ in generator.next(TaskKind.self).rawValue }
        #expect(Set(ids).count == ids.count)
        #expect(ids == ids.sorted())
        let allowed = Set("23456789abcdefghijkmnpqrstuvwxyz")
        for id in ids.prefix(1000) {
            #expect(id.hasPrefix(TaskKind.idPrefix + "_"))
            let random = id.dropFirst(TaskKind.idPrefix.count + 1)
            #expect(random.count == 14)
            #expect(random.allSatisfy(allowed.contains))
        }
        // The counter stays under 2^21, so that the store can keep each id as one number.
        #expect(ids.allSatisfy { (IDStamp(try! TaskID($0))?.counter ?? .max) < 1 << 21 })
    }

    /// Copies share their state, as the service's closures hold copies.
    @Test func copiesKeepCountingTogether() {
        let generator = IDGenerator()
        let copy = generator
        let ids = (0..<10_000).flatMap { _ in [generator.next(TaskKind.self).rawValue, copy.next(TaskKind.self).rawValue] }
        #expect(Set(ids).count == ids.count)
        #expect(ids == ids.sorted())
    }
}
