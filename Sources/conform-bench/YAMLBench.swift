import ConformCore
import Foundation

/// `conform-bench --yaml [--yaml-file PATH]`: reads OpenAI's 3 MB `openapi.yaml` (default
/// `../shared/openapi/openai-openapi.yaml`, `CONFORM_SHARED` overrides `../shared`) with `YAMLParser`,
/// then times PyYAML on the same file in the same run — libyaml's `CSafeLoader` and the pure-Python
/// `SafeLoader` — each in its own `python3` process so its peak RSS is its own.
///
///   input ../shared/openapi/openai-openapi.yaml, 3.10 MB, best of 5
///   YAMLParser.parse                 … ms   … MB/s
///   YAMLParser.parseWithLocations    … ms   … MB/s   (… values located)
///   PyYAML CSafeLoader (libyaml)     … ms   … MB/s   peak RSS … MB
///   PyYAML SafeLoader (pure Python)  … ms   … MB/s   peak RSS … MB
///   conform-bench peak RSS … MB (… MB before reading)
enum YAMLBench {
    static func defaultPath() -> String {
        let shared = ProcessInfo.processInfo.environment["CONFORM_SHARED"].flatMap { $0.isEmpty ? nil : $0 } ?? "../shared"
        return shared + "/openapi/openai-openapi.yaml"
    }

    static func run(path: String?, repetitions: Int) throws {
        let path = path ?? defaultPath()
        let rssBefore = BenchTimer.peakResidentMB()
        guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path) (set --yaml-file or CONFORM_SHARED)") }
        let bytes = Array(data)
        let mb = Double(bytes.count) / 1_000_000
        // One checked run: the figures must measure a successful parse.
        let located: Int
        do {
            let (value, locations) = try YAMLParser.parseWithLocations(bytes)
            guard value.objectValue != nil else { throw BenchError("\(path) is not a mapping at the top") }
            located = locations.values.count
        } catch let error as YAMLParseError {
            throw BenchError(error.rendered(in: SourceFile(path: path, bytes: bytes)))
        }
        let plain = try BenchTimer.best(repetitions) { try YAMLParser.parse(bytes) }
        let withLocations = try BenchTimer.best(repetitions) { try YAMLParser.parseWithLocations(bytes) }
        let rssAfter = BenchTimer.peakResidentMB()

        print(String(format: "input %@, %.2f MB, best of %d", path, mb, repetitions))
        func row(_ name: String, _ seconds: Double, _ extra: String) {
            print(name.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: "%9.1f ms %7.2f MB/s", seconds * 1000, mb / seconds) + extra)
        }
        row("YAMLParser.parse", plain.seconds, "")
        row("YAMLParser.parseWithLocations", withLocations.seconds, "   (\(located) values located)")
        for (name, loader, reps) in [("PyYAML CSafeLoader (libyaml)", "CSafeLoader", repetitions), ("PyYAML SafeLoader (pure Python)", "SafeLoader", 1)] {
            if let (seconds, rss) = python(path: path, loader: loader, repetitions: reps) {
                row(name, seconds, String(format: "   peak RSS %.1f MB%@", rss, reps == 1 ? " (1 run)" : ""))
            } else {
                print(name.padding(toLength: 34, withPad: " ", startingAt: 0) + "   not available (python3 with PyYAML\(loader == "CSafeLoader" ? " built with libyaml" : "") not found)")
            }
        }
        print(String(format: "conform-bench peak RSS %.1f MB (%.1f MB before reading the file)", rssAfter ?? -1, rssBefore ?? -1))
    }

    /// Best seconds of `repetitions` loads and the process's peak RSS in MB, or nil when PyYAML (or the
    /// loader) is missing.
    static func python(path: String, loader: String, repetitions: Int) -> (Double, Double)? {
        let script = """
        import sys, time, resource, yaml
        L = getattr(yaml, sys.argv[2], None)
        if L is None: sys.exit(3)
        data = open(sys.argv[1], 'rb').read()
        best = float('inf')
        for _ in range(int(sys.argv[3])):
            t = time.perf_counter(); yaml.load(data, Loader=L); best = min(best, time.perf_counter() - t)
        print(best, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0)
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, path, loader, String(repetitions)]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return nil }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Double($0) }
        guard parts.count == 2 else { return nil }
        return (parts[0], parts[1])
    }
}
