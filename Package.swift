// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "kaderd",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kaderd", targets: ["kaderd"]),
        .executable(name: "kaderctl", targets: ["kaderctl"]),
        .library(name: "KaderRPC", targets: ["KaderRPC"]),
        .library(name: "KaderClient", targets: ["KaderClient"]),
        // The Bali plugin, a shared object for kaderd's plugin folder.
        .library(name: "KaderBaliPlugin", type: .dynamic, targets: ["BaliPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // SHA-256 of a backup, on both ends of its way out of the daemon; postgres-nio builds it already.
        .package(url: "https://github.com/apple/swift-crypto.git", "3.9.0"..<"6.0.0"),
    ],
    targets: [
        // The reference data (provinces, every region code and name, holidays), embedded at build time.
        .target(
            name: "CKaderData",
            exclude: ["wilayah.csv", "provinces.csv", "holidays.csv", "programs", "NOTICE.md"]
        ),
        // libsystemd, through pkg-config: notify, socket activation, watchdog, journal.
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        // The Swift face of libsystemd, for the daemon: notify messages, inherited sockets,
        // the watchdog and a journald log handler.
        .target(
            name: "KaderSystemd",
            dependencies: [
                "CSystemd",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The domain: regions, zones, programs, workflows, tasks, recurrence. Pure: no I/O.
        .target(
            name: "KaderCore",
            dependencies: [
                "CKaderData",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            // Optimized in debug builds too: reading the 91,599 regions takes 0.4 s of CPU
            // unoptimized, which every test daemon would pay; optimized it takes 40 ms.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // The daemon's metrics: their names, help and buckets, and the Prometheus registry
        // they are kept in. Other modules record through swift-metrics (CoreMetrics) only.
        .target(
            name: "KaderMetrics",
            dependencies: [
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        // The store's contract: what the engine reads and writes, whichever database holds it.
        .target(
            name: "KaderStore",
            dependencies: ["KaderCore"]
        ),
        // The store in SQLite (WAL mode): migrations, group commit, the append-only history.
        .target(
            name: "KaderSQLite",
            dependencies: [
                "KaderCore", "KaderStore", "CSQLiteConfig", "KaderMetrics",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The store in PostgreSQL, shared by several kaderd: its location and its schema.
        .target(
            name: "KaderPostgres",
            dependencies: [
                "KaderCore", "KaderStore", "KaderMetrics",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // SQLite's process-wide settings, which only C can make (sqlite3_config is variadic).
        .target(name: "CSQLiteConfig", linkerSettings: [.linkedLibrary("sqlite3")]),
        // The plugin ABI: one C header, the only contract a plugin sees.
        .systemLibrary(name: "KaderPluginABI", path: "Sources/KaderPluginABI"),
        .target(name: "BaliPlugin", dependencies: ["KaderPluginABI"], path: "plugins/bali"),
        // glibc's process extensions, which Swift's Glibc module leaves out: for the plugin
        // helpers kaderd spawns, and for the tests' own spawner.
        .target(name: "CSpawn"),
        // The workflow service: validation, planning and state changes over the store.
        .target(
            name: "KaderEngine",
            dependencies: [
                "KaderCore", "KaderStore", "KaderPluginABI", "CSpawn", "KaderMetrics",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // JSON-RPC 2.0: JSON values, messages, errors, framing limits, method names.
        // Pure: shared by the daemon and the client.
        .target(
            name: "KaderRPC",
            dependencies: [
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        // The Unix-socket server: connections, framing, dispatch to registered methods.
        .target(
            name: "KaderServer",
            dependencies: [
                "KaderRPC", "KaderMetrics",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The client side of the transport: blocking, no event loop, no server code.
        .target(
            name: "KaderClient",
            dependencies: ["KaderRPC"]
        ),
        // The API: each method's params checked and typed, the engine called, the result
        // mapped to the wire. A library, so the daemon's executable is wiring only and the
        // API can be driven in-process.
        .target(
            name: "KaderAPI",
            dependencies: [
                "KaderCore", "KaderEngine", "KaderStore", "KaderRPC", "KaderServer", "KaderMetrics",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "kaderd",
            dependencies: [
                "KaderAPI", "KaderCore", "KaderEngine", "KaderStore", "KaderSQLite", "KaderPostgres", "KaderRPC",
                "KaderServer", "KaderMetrics",
                "KaderSystemd",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // What the fuzzer drives: bytes through the server's framing, parser and dispatcher,
        // with the invariants every reply must keep. Shared with the corpus replay test.
        .target(
            name: "KaderFuzzing",
            dependencies: [
                "KaderRPC", "KaderServer",
                .product(name: "NIOCore", package: "swift-nio"),
                // The server's framing without a socket (OfflineConnection): test machinery
                // that stays out of what ships.
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The libFuzzer target (`scripts/fuzz` builds it with -sanitize=fuzzer); built plainly,
        // it replays the files it is given.
        .executableTarget(
            name: "kaderd-fuzz",
            dependencies: ["KaderFuzzing", "CFuzzer"]
        ),
        // libFuzzer's driver, declared for Swift; only linked in fuzzing builds.
        .target(name: "CFuzzer"),
        .executableTarget(
            name: "kaderctl",
            dependencies: [
                "KaderRPC",
                "KaderClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        // Helpers that let tests drive the real server and the real binaries.
        .target(
            name: "KaderTesting",
            dependencies: [
                "CSpawn", "KaderRPC", "KaderClient", "KaderServer", "KaderCore", "KaderStore", "KaderSQLite", "KaderPostgres",
                "KaderEngine",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/KaderTesting"
        ),
        .testTarget(name: "KaderCoreTests", dependencies: ["KaderCore", "KaderTesting"]),
        .testTarget(
            name: "KaderStoreTests",
            dependencies: ["KaderStore", "KaderSQLite", "KaderCore", "KaderTesting", .product(name: "GRDB", package: "GRDB.swift")],
            // Stores of earlier releases, read from the checkout by StoreUpgradeTests.
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "KaderPostgresTests",
            dependencies: [
                "KaderPostgres", "KaderStore", "KaderTesting", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "KaderEngineTests", dependencies: ["KaderEngine", "KaderStore", "KaderSQLite", "KaderCore", "KaderTesting"]),
        .testTarget(name: "KaderRPCTests", dependencies: ["KaderRPC"]),
        .testTarget(name: "KaderFuzzingTests", dependencies: ["KaderFuzzing", "KaderTesting"]),
        .testTarget(
            name: "KaderServerTests",
            dependencies: [
                "KaderServer", "KaderRPC", "KaderClient", "KaderTesting", "KaderMetrics",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "kaderdTests", dependencies: ["kaderd"]),
        .testTarget(
            name: "KaderAPITests",
            dependencies: [
                "KaderAPI", "KaderCore", "KaderEngine", "KaderRPC", "KaderClient", "KaderStore", "KaderTesting",
                // The SQL of a task's step in the SQLite store, for making the counts again.
                "KaderSQLite",
                .product(name: "Logging", package: "swift-log"),
                // Only to make the report's counts again from the tables, as a migration does.
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "KaderctlTests", dependencies: ["kaderctl"]),
        .testTarget(
            name: "KaderSystemdTests",
            dependencies: [
                "KaderSystemd", "KaderTesting",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "KaderRPC", "KaderClient", "KaderTesting",
                // To wait on processes kaderd started (its plugin helpers) through a pidfd.
                "CSpawn",
                // The dates tests derive from today (LocalDate), through TestCalendar.
                "KaderCore",
                // Only to age a stopped daemon's database, as a long downtime would.
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
