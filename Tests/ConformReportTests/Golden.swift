import Foundation
import Testing

/// Golden files beside this source file; `CONFORM_RECORD=1` rewrites them instead of comparing.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["CONFORM_RECORD"] == "1" }

    /// Compares `actual` with the golden file `name` byte for byte, or records it.
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if recording {
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("golden file \(name) is missing; record it with CONFORM_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(a, e)).firstIndex { $0.0 != $0.1 } ?? min(a.count, e.count)
            Issue.record("""
                \(name) differs from the golden file at line \(line + 1) (re-record with CONFORM_RECORD=1 if intended)
                expected: \(line < e.count ? String(e[line]) : "<end of file>")
                actual:   \(line < a.count ? String(a[line]) : "<end of file>")
                """, sourceLocation: sourceLocation)
        }
    }
}
