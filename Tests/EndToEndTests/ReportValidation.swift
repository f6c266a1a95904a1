import ConformCore
import Foundation
import Testing

/// Checks written reports with the tools that judge them: `xmllint` against the shared JUnit XSD, our
/// JSON parser and the results schema in `reports/`.
enum ReportValidation {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var sharedFolder: String {
        ProcessInfo.processInfo.environment["CONFORM_SHARED"] ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared").path
    }

    static var xmllint: String? { ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) } }

    /// Valid against junit-10.xsd (skipped with a message when xmllint or the shared folder is missing).
    static func junit(_ path: String) {
        let xsd = sharedFolder + "/junit/junit-10.xsd"
        guard let xmllint, FileManager.default.fileExists(atPath: xsd) else {
            print("skipping JUnit XSD validation: xmllint or \(xsd) not available")
            return
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: xmllint)
        p.arguments = ["--noout", "--schema", xsd, path]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        do { try p.run() } catch { Issue.record("xmllint did not start: \(error)"); return }
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "JUnit report invalid: \(message)")
    }

    /// Reads the JUnit report back: its testcases, failures, errors and skips agree with the JSON results' tally.
    static func junitAgrees(_ junit: String, withResults json: String) {
        guard let xmllint else { print("skipping JUnit read-back: xmllint not available"); return }
        let bytes = [UInt8](FileManager.default.contents(atPath: json) ?? Data())
        guard let tally = (try? JSONParser.parse(bytes))?["tally"] else { Issue.record("JSON results have no tally"); return }
        for (xpath, key) in [("count(//testcase)", "total"), ("count(//testcase/failure)", "failed"),
                             ("count(//testcase/error)", "errors"), ("count(//testcase/skipped)", "skipped")] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: xmllint)
            p.arguments = ["--xpath", xpath, junit]
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            do { try p.run() } catch { Issue.record("xmllint did not start: \(error)"); return }
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            p.waitUntilExit()
            #expect(text == tally[key]?.numberValue?.text, "JUnit \(xpath) = \(text), JSON tally \(key) = \(tally[key]?.compactText() ?? "none")")
        }
    }

    /// Parses, and validates against `reports/results.schema.json` when the repository has it.
    static func json(_ path: String) {
        let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
        guard let value = try? JSONParser.parse(bytes) else { Issue.record("JSON results do not parse"); return }
        let schemaPath = packageRoot.appendingPathComponent("reports/results.schema.json").path
        guard let data = FileManager.default.contents(atPath: schemaPath), let schema = try? JSONParser.parse([UInt8](data)) else {
            print("skipping JSON results schema validation: \(schemaPath) not present")
            return
        }
        let errors = SchemaValidator(document: schema, uri: "file://" + schemaPath).validate(value)
        #expect(errors.isEmpty, "JSON results break their schema: \(errors.prefix(3).map { "\($0.instancePointer): \($0.detail)" })")
    }
}
