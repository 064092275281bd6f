// swift-tools-version:6.0
import PackageDescription

/// Plugin families: one library target per folder under Plugins/, each with its own test target.
let families = ["TypographyRules", "BylineRules", "TermRules", "PeopleRules"]

/// Where Debian installs cairo's and FreeType's headers (what `pkg-config --cflags cairo-ft` gives, less
/// the folders of libraries those headers do not include).
let cairoHeaders = ["-I/usr/include/cairo", "-I/usr/include/freetype2"]

let package = Package(
    name: "Galley",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "galley", targets: ["galley"]),
        .library(name: "GalleyCore", targets: ["GalleyCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "Clibgit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        // cairo with its FreeType backend (cairo-ft) and fontconfig, for the PDF exporter only: headers
        // here, the libraries opened by CCairoLoader when a PDF is first made, so that no other command
        // loads them. Not through pkg-config, whose `--libs` would link them into every process again;
        // the headers are where Debian's libcairo2-dev and libfreetype-dev put them.
        .systemLibrary(name: "Ccairo"),
        .target(name: "CCairoLoader", dependencies: ["Ccairo"], cSettings: [.unsafeFlags(cairoHeaders)],
                linkerSettings: [.linkedLibrary("dl")]),
        // C helpers: libgit2's CA bundle loaded on demand, OpenSSL's SHA-1 for file checksums, and a
        // reusable zlib stream for packs.
        .target(name: "CGalleySupport", linkerSettings: [.linkedLibrary("crypto"), .linkedLibrary("z"), .linkedLibrary("dl")]),
        .target(
            name: "GalleyCore",
            dependencies: ["Clibgit2", "CGalleySupport", .product(name: "Yams", package: "Yams")]),
    ] + families.map { .target(name: $0, dependencies: ["GalleyCore"], path: "Plugins/\($0)") } + [
        // Exporters (txt, pdf, icml, html): a plugin family of its own, not rules.
        .target(name: "LayoutExport", dependencies: ["GalleyCore", "Ccairo", "CCairoLoader"], path: "Plugins/LayoutExport",
                swiftSettings: [.unsafeFlags(cairoHeaders.flatMap { ["-Xcc", $0] })]),
        // The list of the families and exporters the CLI links, which the bench's gate timing runs too.
        .target(name: "GalleyPlugins", dependencies: ["GalleyCore", "LayoutExport"] + families.map { .target(name: $0) }),
        .executableTarget(
            name: "galley",
            dependencies: ["GalleyCore", "GalleyPlugins", "LayoutExport", .product(name: "ArgumentParser", package: "swift-argument-parser")]
                + families.map { .target(name: $0) }),
        .executableTarget(name: "galley-bench", dependencies: ["GalleyCore", "GalleyPlugins", "TypographyRules", "TermRules", "LayoutExport"]),
        .target(name: "GalleyTestSupport", dependencies: ["GalleyCore"], path: "Tests/GalleyTestSupport"),
        .testTarget(name: "GalleyCoreTests", dependencies: ["GalleyCore", "GalleyTestSupport"]),
        .testTarget(name: "GalleyEndToEndTests", dependencies: ["GalleyCore", "GalleyTestSupport", "galley"]),
        .testTarget(name: "LayoutExportTests", dependencies: ["LayoutExport", "GalleyCore", "GalleyTestSupport"]),
    ] + families.map { .testTarget(name: "\($0)Tests", dependencies: [.target(name: $0), "GalleyCore", "GalleyTestSupport"]) }
)
