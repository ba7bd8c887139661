// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "mediationd",
    products: [
        .executable(name: "mediationd", targets: ["mediationd"]),
        .executable(name: "mediationctl", targets: ["mediationctl"]),
        // For the fuzz targets, a package of their own in Fuzz/ that depends on this one by path
        // (only products cross a package boundary); nothing else needs them.
        .library(name: "Varlink", targets: ["Varlink"]),
        .library(name: "MediationCore", targets: ["MediationCore"]),
        .library(name: "MediationStore", targets: ["MediationStore"]),
        .library(name: "MediationService", targets: ["MediationService"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        .target(
            name: "Systemd",
            dependencies: [
                "CSystemd",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(
            name: "Varlink",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(name: "MediationCore"),
        .target(
            name: "MediationStore",
            dependencies: [
                "MediationCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "MediationService",
            dependencies: [
                "MediationCore",
                "MediationStore",
                "Varlink",
                "Systemd",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "mediationd",
            dependencies: [
                "MediationService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "mediationctl",
            dependencies: [
                "MediationService",
                "MediationStore",
                "Varlink",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "mediation-bench",
            dependencies: ["TestSupport", "MediationCore"],
            path: "Benchmarks/mediation-bench"
        ),
        .executableTarget(
            name: "mediation-crash-test",
            dependencies: ["TestSupport", "MediationCore"],
            path: "Tests/CrashTest"
        ),
        // The hostile client of the abuse tests and benchmark, run as another user.
        .executableTarget(
            name: "mediation-flood",
            dependencies: ["TestSupport"],
            path: "Tests/Flood"
        ),
        .target(
            name: "TestSupport",
            dependencies: [],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "SystemdTests", dependencies: [
            "Systemd", "TestSupport",
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        .testTarget(name: "VarlinkTests", dependencies: [
            "Varlink", "Systemd", "TestSupport",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOEmbedded", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .testTarget(name: "MediationCoreTests", dependencies: ["MediationCore", "TestSupport"]),
        .testTarget(name: "MediationStoreTests", dependencies: ["MediationStore", "TestSupport"]),
        .testTarget(name: "MediationServiceTests", dependencies: ["MediationService", "TestSupport"]),
        .testTarget(name: "DaemonTests", dependencies: ["TestSupport", "MediationService", "Varlink"]),
    ],
    swiftLanguageModes: [.v6]
)
