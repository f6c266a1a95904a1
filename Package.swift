// swift-tools-version:6.0
// Conform: a contract-conformance harness for model-listing APIs.
// Zero third-party dependencies by design: a CI gate that holds API keys carries no dependency tree.
import PackageDescription

let package = Package(
    name: "Conform",
    // Built and tested on Linux. macOS 15 is the floor of the APIs used (task executors in the tests'
    // DedicatedExecutor); no macOS build is made or tested here.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "conform", targets: ["conform"]),
        .executable(name: "conform-bench", targets: ["conform-bench"]),
        .library(name: "ConformCore", targets: ["ConformCore"]),
    ],
    targets: [
        // Pure core: JSON, JSON Pointer, JSON Schema, expressions, suite model and loader, checks, results. On Linux it
        // takes SHA-256 from the system OpenSSL (a catalog walk hashes every item; see SHA256.swift).
        .target(name: "ConformCore", dependencies: [.target(name: "COpenSSL", condition: .when(platforms: [.linux]))]),
        // The system OpenSSL (Debian libssl-dev): TLS for Conform's own HTTP client, so http and https share one
        // reader and one set of guarantees. A system library, not a package: zero Swift packages still holds.
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]),
        // The system zlib (Debian zlib1g-dev): a server that compresses its answer (Content-Encoding gzip or deflate)
        // is read, whatever Conform asked for. A system library, not a package.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // Transports, runner, pagination walks, retries, redaction. On Darwin https goes through URLSession.
        .target(name: "ConformRun", dependencies: ["ConformCore", "CZlib", .target(name: "COpenSSL", condition: .when(platforms: [.linux]))]),
        // HTTP/1.1 mock server, response synthesis and drift.
        .target(name: "ConformMock", dependencies: ["ConformCore"]),
        // JUnit XML, Markdown and JSON reports (result types only).
        .target(name: "ConformReport", dependencies: ["ConformCore"]),
        // Self-test: each suite against the conforming mock and every drift of it, with the real runner. Its own
        // target because it needs both ConformRun and ConformMock, which stay independent of each other.
        .target(name: "ConformSelftest", dependencies: ["ConformCore", "ConformRun", "ConformMock"]),
        // OpenAPI 3.0/3.1 documents (YAML or JSON, many files, Markdown pages): import as suites, diff, check suites.
        .target(name: "ConformSpec", dependencies: ["ConformCore"]),
        .executableTarget(name: "conform", dependencies: ["ConformCore", "ConformRun", "ConformMock", "ConformReport", "ConformSelftest", "ConformSpec"]),
        .executableTarget(name: "conform-bench", dependencies: ["ConformCore", "ConformReport"]),
        // Fuzz harnesses for the parsers that read untrusted bytes; `conform-fuzz` replays corpora in a normal build and,
        // built with `-sanitize=fuzzer` and `-DFUZZING` (scripts/fuzz.sh), is a libFuzzer binary. See docs/fuzzing.md.
        .target(name: "ConformFuzz", dependencies: ["ConformCore", "ConformRun", "ConformMock"]),
        // libFuzzer's driver entry (a declaration only; linked in the fuzzing build alone).
        .systemLibrary(name: "CLibFuzzer"),
        .executableTarget(name: "conform-fuzz", dependencies: ["ConformFuzz", "CLibFuzzer"]),
        // JSON, pointer, expressions, suite loading.
        .testTarget(name: "ConformCoreTests", dependencies: ["ConformCore"], resources: [.copy("Fixtures")]),
        // The official JSON-Schema-Test-Suite (draft 2020-12), read from ../shared (CONFORM_SHARED overrides).
        .testTarget(name: "JSONSchemaSuiteTests", dependencies: ["ConformCore"]),
        // Loopback test servers (plain and TLS) and a test CA made with the openssl CLI, for every test target.
        .target(name: "ConformTestSupport", dependencies: ["COpenSSL"], path: "Tests/ConformTestSupport"),
        // Transports, retries, redaction, runner — against in-process servers on loopback.
        .testTarget(name: "ConformRunTests", dependencies: ["ConformCore", "ConformRun", "ConformMock", "ConformTestSupport", "CZlib"]),
        .testTarget(name: "ConformReportTests", dependencies: ["ConformCore", "ConformReport"], resources: [.copy("Golden")]),
        .testTarget(name: "ConformMockTests", dependencies: ["ConformCore", "ConformMock", "ConformRun", "ConformSelftest", "ConformTestSupport"]),
        // The built `conform` executable end to end: exit codes, console, reports.
        .testTarget(name: "EndToEndTests", dependencies: ["ConformCore", "ConformMock", "ConformTestSupport"], resources: [.copy("Cases")]),
        // OpenAPI reading, import, spec diff and spec check (fixtures: hand-made spec pairs; ../shared for real documents).
        .testTarget(name: "ConformSpecTests", dependencies: ["ConformCore", "ConformSpec"], resources: [.copy("Fixtures")]),
        // The shipped suites in suites/: valid, pass on conforming responses, fail on each broken rule.
        // Every file of the committed fuzz corpus (Tests/Fuzz/corpus/TARGET/) through its harness.
        .testTarget(name: "ConformFuzzTests", dependencies: ["ConformCore", "ConformFuzz"]),
        .testTarget(name: "SeedSuiteTests", dependencies: ["ConformCore", "ConformRun", "ConformMock"], resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
