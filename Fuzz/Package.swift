// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets, run by `make fuzz` (scripts/fuzz). They are a package of their own, depending
// on the main one by path, rather than targets of the main package: a fuzz target has no main
// function (libFuzzer brings one when it is linked with -sanitize=fuzzer), so `swift build` and
// `make test` at the top could not link it, and they never see this package at all.
//
// Each target checks properties of what it runs, not only that nothing crashes; a property that
// fails traps, and libFuzzer keeps the input as a crash.
let package = Package(
    name: "mediationd-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "mediationd", path: ".."),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(name: "FuzzSupport"),
        // The Varlink framing (VarlinkFrameDecoder) and message decoding (calls and replies).
        .executableTarget(name: "fuzz-varlink", dependencies: [
            "FuzzSupport",
            .product(name: "Varlink", package: "mediationd"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOEmbedded", package: "swift-nio"),
        ]),
        // The parameters of every method the daemon serves: the type check and the decoding.
        .executableTarget(name: "fuzz-parameters", dependencies: [
            "FuzzSupport",
            .product(name: "Varlink", package: "mediationd"),
            .product(name: "MediationService", package: "mediationd"),
            .product(name: "MediationStore", package: "mediationd"),
            .product(name: "MediationCore", package: "mediationd"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The dates, times, terms, hours and durations mediationctl passes on as typed.
        .executableTarget(name: "fuzz-cli-time", dependencies: [
            "FuzzSupport",
            .product(name: "Varlink", package: "mediationd"),
            .product(name: "MediationCore", package: "mediationd"),
            .product(name: "MediationService", package: "mediationd"),
        ]),
        // mediationd.toml.
        .executableTarget(name: "fuzz-config", dependencies: [
            "FuzzSupport",
            .product(name: "MediationService", package: "mediationd"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
