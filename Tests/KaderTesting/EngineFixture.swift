import Foundation
import KaderCore
import KaderEngine
import KaderStore

/// A workflow service over a real store (a SQLite file in a temporary folder, or a
/// PostgreSQL database: `TestBackend`), with a test clock.
public struct EngineFixture: Sendable {
    public let directory: TemporaryDirectory
    public let clock: TestClock
    public let service: WorkflowService
    public var store: any Store { service.store }

    public init(now: String = "2026-01-05T08:00:00+08:00", catalog: ProgramCatalog = .load(folders: [])) async throws {
        directory = TemporaryDirectory()
        clock = TestClock(now)
        let store = try await TestBackend.makeStore(in: directory)
        service = WorkflowService(store: store, directory: .shared, catalog: catalog, clock: clock)
    }

    /// A cadre of the given village, with plausible defaults.
    public static func draft(_ name: String, village: String, birthYear: Int = 1990, sex: Sex = .female) -> CadreDraft {
        CadreDraft(
            name: name, sex: sex, birthYear: birthYear, education: "SMA", courses: ["Pelatihan posyandu"],
            field: "kesehatan", village: try! RegionCode(village))
    }

    public static let caller = Caller(uid: 1000)
}
