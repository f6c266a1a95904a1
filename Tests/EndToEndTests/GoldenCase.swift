import ConformCore
import Testing
import Foundation

/// One end-to-end case: a folder under `Cases/ok` or `Cases/failed` holding
/// - `suite.json` (optional; `Cases/shared-suite.json` otherwise),
/// - `responses.json`: `{"GET /v1/models?limit=2": reply or [reply, …]}` — a list answers in turn, the
///   last repeating; a reply is `{"status", "headers", "json" | "body" | "bodyBase64"}` or a fault
///   `{"fault": "hang" | "truncate" | "huge" | "redirect-other-port" | "echo", …}`,
/// - `case.json` (optional): `{"args": [...], "target": "server" | "refused", "unsetKey": bool, "hangGuard": 120}`;
///   `hangGuard` (seconds) is for cases whose server never finishes on its own (hangs, retries, a deadline):
///   past it the run is killed and the case fails. It is no speed target — a loaded CI machine ran a
///   twelve-request case for 62 s — so it sits far above any honest run and far below the hang it catches,
/// - `exit-code`, `stdout.txt`, `stderr.txt` and `report.md` (golden; re-record with `CONFORM_RECORD=1`).
struct GoldenCase: CustomTestStringConvertible, Sendable {
    let folder: URL
    var name: String { folder.deletingLastPathComponent().lastPathComponent + "/" + folder.lastPathComponent }
    var testDescription: String { name }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cases")

    static func all() -> [GoldenCase] {
        var out: [GoldenCase] = []
        for group in ["ok", "failed"] {
            let dir = root.appendingPathComponent(group)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
            out += names.map { GoldenCase(folder: dir.appendingPathComponent($0)) }
        }
        return out
    }

    var suitePath: String {
        let own = folder.appendingPathComponent("suite.json").path
        return FileManager.default.fileExists(atPath: own) ? own : Self.root.appendingPathComponent("shared-suite.json").path
    }

    func json(_ file: String) -> JSONValue? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) else { return nil }
        return try? JSONParser.parse([UInt8](data))
    }

    func text(_ file: String) -> String? {
        FileManager.default.contents(atPath: folder.appendingPathComponent(file).path).map { String(decoding: $0, as: UTF8.self) }
    }

    func write(_ text: String, to file: String) {
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(file).path, contents: Data(text.utf8))
    }

    var config: JSONValue { json("case.json") ?? .object(JSONObject()) }
    var args: [String] { config["args"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    var refusedTarget: Bool { config["target"]?.stringValue == "refused" }
    var unsetKey: Bool { config["unsetKey"]?.boolValue ?? false }
    var hangGuard: Double? { config["hangGuard"]?.numberValue?.doubleValue }
    var noBaseURL: Bool { config["noBaseURL"]?.boolValue ?? false }
}
