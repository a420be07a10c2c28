// swift-tools-version: 6.1
import PackageDescription

// The load generator and the raw echo server the benchmarks compare against. No
// dependencies, so it builds in seconds and measures the daemon, not itself.
let package = Package(
    name: "KaderBenchmarks",
    targets: [
        .target(name: "CEpoll"),
        .executableTarget(name: "kaderbench", dependencies: ["CEpoll"], swiftSettings: [.unsafeFlags(["-Ounchecked"])]),
    ],
    swiftLanguageModes: [.v6]
)
