import ConformCore
import Foundation

// conform-bench: parse and validation throughput on a generated 10,000-item Scale GP v5 page.
//
//   $ swift build -c release --product conform-bench && .build/release/conform-bench
//   input            7.52 MB (10000 items), contract: suites/scale-gp-v5-list-models.json, best of 7
//   parse              …  ms    … MB/s   (goal ≥ 300)
//   …
// `--regex` measures pattern matching, NSRegularExpression against RegexProgram (RegexBench.swift).
// `--yaml` reads OpenAI's 3 MB openapi.yaml with YAMLParser beside PyYAML (YAMLBench.swift).
// `--diff` measures `conform diff` on two nights of a 10,000-model catalog instead (DiffBench.swift).
// `--json` prints one line instead: {"input_mb":…, "parse_mb_s":…, "validate_mb_s":…, "foundation_parse_mb_s":…,
// "parse_ms":…, "validate_ms":…, "peak_rss_mb":…}.

struct BenchOptions {
    var json = false
    var repetitions = 7
    var items = 10_000
    var suitePath: String?
    /// `--profile-parse`: only repeat the parse phase (for `perf record`) and print its time.
    var profileParseOnly = false
    /// `--diff`: measure `conform diff` on two nights of an `--items`-model catalog instead (`DiffBench`).
    var diff = false
    /// `--regex`: measure pattern matching (the ReDoS case and everyday patterns) instead (`RegexBench`).
    var regex = false
    /// `--yaml`: read a large OpenAPI YAML file (`--yaml-file PATH`) beside PyYAML instead (`YAMLBench`).
    var yaml = false
    var yamlFile: String?
    /// `--emit DIR`: also write the page and the contract there, so other tools measure the same bytes.
    var emitDirectory: String?

    static let usage = "usage: conform-bench [--json] [--repeat N] [--items N] [--suite PATH] [--profile-parse] [--emit DIR] [--diff] [--regex] [--yaml [--yaml-file PATH]]"

    init(_ args: [String]) throws {
        var it = args.makeIterator()
        while let a = it.next() {
            switch a {
            case "--json": json = true
            case "--repeat": repetitions = try Self.positive(it.next(), a)
            case "--items": items = try Self.positive(it.next(), a)
            case "--suite":
                guard let p = it.next() else { throw BenchError("--suite needs a path\n\(Self.usage)") }
                suitePath = p
            case "--profile-parse": profileParseOnly = true
            case "--diff": diff = true
            case "--regex": regex = true
            case "--yaml": yaml = true
            case "--yaml-file":
                guard let p = it.next() else { throw BenchError("--yaml-file needs a path\n\(Self.usage)") }
                yaml = true
                yamlFile = p
            case "--emit":
                guard let d = it.next() else { throw BenchError("--emit needs a folder\n\(Self.usage)") }
                emitDirectory = d
            case "-h", "--help": throw BenchError(Self.usage)
            default:
                let hint = NearestName.hint(a, in: ["--json", "--repeat", "--items", "--suite", "--profile-parse", "--emit", "--diff", "--regex", "--yaml", "--yaml-file", "--help"])
                throw BenchError("unknown option \(a)\(hint)\n\(Self.usage)")
            }
        }
    }

    static func positive(_ value: String?, _ flag: String) throws -> Int {
        guard let value, let n = Int(value), n > 0 else { throw BenchError("\(flag) needs a positive integer\n\(usage)") }
        return n
    }
}

/// One checked run first: figures for a page that fails its own contract would measure the wrong path.
func checkPage(_ bytes: [UInt8], _ contract: BenchContract, _ context: EvaluationContext) throws {
    var checked = context
    checked.body = try JSONParser.parse(bytes)
    let errors = contract.validator.validate(checked.body ?? .null, schemaAt: contract.schemaPointer)
    if let e = errors.first { throw BenchError("generated page fails the schema (\(errors.count) errors): \(e.instancePointer) \(e.title): \(e.detail)") }
    for invariant in contract.invariants {
        let verdict = invariant.check(in: checked)
        if !verdict.holds { throw BenchError("generated page breaks invariant \(invariant.source): \(verdict.explanation)") }
    }
}

func run() throws {
    let options = try BenchOptions(Array(CommandLine.arguments.dropFirst()))
    if options.yaml {
        try YAMLBench.run(path: options.yamlFile, repetitions: options.repetitions)
        exit(0)
    }
    if options.regex {
        try RegexBench.run(repetitions: options.repetitions)
        exit(0)
    }
    if options.diff {
        try DiffBench.run(items: options.items, repetitions: options.repetitions, json: options.json)
        return
    }
    let page = ModelPage(itemCount: options.items)
    let bytes = page.bytes()
    let megabytes = Double(bytes.count) / 1_000_000
    if options.profileParseOnly {
        let parse = try BenchTimer.best(options.repetitions) { try JSONParser.parse(bytes) }
        print(String(format: "parse %.2f ms wall, %.2f ms CPU: %.1f MB/s wall, %.1f MB/s CPU", parse.seconds * 1000,
                     parse.cpuSeconds * 1000, megabytes / parse.seconds, megabytes / parse.cpuSeconds))
        return
    }
    let contract = try BenchContract.load(suitePath: options.suitePath)
    let context = EvaluationContext(
        body: nil,
        request: ["method": "GET", "path": "/v5/models", "query": ["limit": .number(JSONNumber(options.items))]],
        response: ["status": 200, "headers": ["content-type": "application/json"]])

    try checkPage(bytes, contract, context)
    if let dir = options.emitDirectory { try emit(bytes, contract, to: dir) }

    let parse = try BenchTimer.best(options.repetitions) { try JSONParser.parse(bytes) }
    let validate = try BenchTimer.best(options.repetitions) {
        var c = context
        c.body = try JSONParser.parse(bytes)
        let errors = contract.validator.validate(c.body ?? .null, schemaAt: contract.schemaPointer)
        let verdicts = contract.invariants.map { $0.check(in: c) }
        return (c, errors, verdicts)
    }
    let peakConform = BenchTimer.peakResidentMB()
    let data = Data(bytes)
    let foundation = try BenchTimer.best(options.repetitions) { try JSONSerialization.jsonObject(with: data) }
    let peakTotal = BenchTimer.peakResidentMB()

    let figures: [(String, Double)] = [
        ("input_mb", megabytes),
        ("parse_mb_s", megabytes / parse.seconds),
        ("validate_mb_s", megabytes / validate.seconds),
        ("foundation_parse_mb_s", megabytes / foundation.seconds),
        ("parse_ms", parse.seconds * 1000),
        ("validate_ms", validate.seconds * 1000),
        ("peak_rss_mb", peakConform ?? -1),
        ("parse_cpu_mb_s", megabytes / parse.cpuSeconds),
        ("validate_cpu_mb_s", megabytes / validate.cpuSeconds),
        ("foundation_parse_cpu_mb_s", megabytes / foundation.cpuSeconds),
        ("peak_rss_with_foundation_mb", peakTotal ?? -1),
    ]
    if options.json {
        print("{" + figures.map { "\"\($0.0)\":\(String(format: "%.2f", $0.1))" }.joined(separator: ", ") + "}")
        return
    }
    func row(_ name: String, _ t: (seconds: Double, cpuSeconds: Double), goal: String) -> String {
        let wall = String(format: "%8.2f ms %8.1f MB/s", t.seconds * 1000, megabytes / t.seconds)
        let cpu = String(format: "   CPU %8.2f ms %8.1f MB/s", t.cpuSeconds * 1000, megabytes / t.cpuSeconds)
        return name.padding(toLength: 30, withPad: " ", startingAt: 0) + wall + cpu + goal
    }
    print(String(format: "input %.2f MB", megabytes)
        + " (\(options.items) items), contract: \(contract.origin) (\(contract.invariants.count) invariants), best of \(options.repetitions)")
    print("phase".padding(toLength: 30, withPad: " ", startingAt: 0) + "   wall (best)             thread CPU (best)")
    print(row("parse (JSONParser)", parse, goal: "   goal ≥ 300 MB/s"))
    print(row("parse + schema + invariants", validate, goal: "   goal ≥ 150 MB/s"))
    print(row("JSONSerialization (baseline)", foundation, goal: ""))
    if let peakConform {
        print(String(format: "peak RSS %.1f MB = %.1f× input (goal ≤ 8×); %.1f MB after the Foundation baseline", peakConform,
                     peakConform / megabytes, peakTotal ?? 0))
    }
}

/// Writes `page.json` (the exact bytes measured), `contract.json` (the document holding the schema) and
/// `schema-pointer.txt`, for `scripts/bench-python.py` to time Python's json + jsonschema on the same input.
func emit(_ bytes: [UInt8], _ contract: BenchContract, to dir: String) throws {
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: dir).appendingPathComponent("page.json"))
    try Data(JSONWriter.bytes(contract.validator.document)).write(to: URL(fileURLWithPath: dir).appendingPathComponent("contract.json"))
    try Data(contract.schemaPointer.description.utf8).write(to: URL(fileURLWithPath: dir).appendingPathComponent("schema-pointer.txt"))
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("conform-bench: \(error)\n".utf8))
    exit(2)
}
