// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Kawal",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kawal", targets: ["kawal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "KawalDomain"),
        .target(
            name: "KawalStore",
            dependencies: [
                "KawalDomain",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "CWidth"),
        .target(name: "KawalUI", dependencies: ["KawalDomain", "CWidth"]),
        .target(name: "KawalTerminal", dependencies: ["KawalUI", "CNcurses"]),
        .executableTarget(
            name: "kawal",
            dependencies: [
                "KawalDomain", "KawalStore", "KawalUI", "KawalTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "KawalDomainTests", dependencies: ["KawalDomain"]),
        .testTarget(name: "KawalStoreTests", dependencies: ["KawalStore", "KawalDomain"]),
        .testTarget(name: "KawalUITests", dependencies: ["KawalUI", "KawalDomain"]),
        .testTarget(name: "KawalEndToEndTests", dependencies: ["KawalDomain"]),
    ],
    swiftLanguageModes: [.v6]
)
