// swift-tools-version: 6.1
import PackageDescription

// The load generator, the raw echo servers the benchmarks compare against, and an echo on
// SwiftNIO. `kaderbench` has no dependencies, so it measures the daemon, not itself;
// `nio-echo` exists to measure SwiftNIO, the stack kaderd serves on, with no work on top.
let package = Package(
    name: "KaderBenchmarks",
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2")
    ],
    targets: [
        .target(name: "CEpoll"),
        .executableTarget(name: "kaderbench", dependencies: ["CEpoll"], swiftSettings: [.unsafeFlags(["-Ounchecked"])]),
        .executableTarget(
            name: "nio-echo",
            dependencies: [.product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
