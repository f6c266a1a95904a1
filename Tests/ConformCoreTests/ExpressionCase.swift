import Foundation
import Testing
@testable import ConformCore

/// One block of `Fixtures/expressions.test`, with the line it starts on.
struct ExpressionCase: Sendable, CustomTestStringConvertible {
    enum Expected: Sendable {
        case value(String)
        case parseError(String)
        case problem(String, pointer: String?)
    }

    var line: Int
    var expression: String
    var context: EvaluationContext
    var expected: Expected

    var testDescription: String { "line \(line): \(expression)" }

    /// Parses the case file; a malformed block is reported as a case that fails with the reason.
    static func load(_ text: String) -> [Result<ExpressionCase, CaseFileError>] {
        var defines: [String: String] = [:]
        var out: [Result<ExpressionCase, CaseFileError>] = []
        var block: [(Int, String)] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func flush() {
            defer { block = [] }
            guard !block.isEmpty else { return }
            if block[0].1.hasPrefix("%%DEFINE ") {
                let parts = block[0].1.dropFirst(9).split(separator: " ", maxSplits: 1).map(String.init)
                if parts.count == 2 { defines["$" + parts[0]] = parts[1] }
                return
            }
            out.append(parseBlock(block, defines: defines))
        }
        for (n, raw) in lines.enumerated() {
            if raw.hasPrefix("#") { continue }
            if raw.trimmingCharacters(in: .whitespaces).isEmpty { flush() } else { block.append((n + 1, raw)) }
        }
        flush()
        return out
    }

    static func parseBlock(_ block: [(Int, String)], defines: [String: String]) -> Result<ExpressionCase, CaseFileError> {
        var lines = block
        let start = lines[0].0
        var kind = "value"
        if lines[0].1 == "%%FAIL" || lines[0].1 == "%%PROBLEM" { kind = lines[0].1; lines.removeFirst() }
        guard !lines.isEmpty else { return .failure(CaseFileError(line: start, message: "empty block")) }
        let expression = lines.removeFirst().1
        if kind == "%%FAIL" {
            guard lines.count == 1 else { return .failure(CaseFileError(line: start, message: "%%FAIL needs expression and message")) }
            return .success(ExpressionCase(line: start, expression: expression, context: EvaluationContext(body: nil), expected: .parseError(lines[0].1)))
        }
        var context = EvaluationContext(body: nil)
        var positional: [String] = []
        var pointer: String?
        for (n, raw) in lines {
            let line = defines[raw] ?? raw
            do {
                if let json = line.stripping("request: ") { context.request = try JSONParser.parse(defines[json] ?? json) }
                else if let json = line.stripping("response: ") { context.response = try JSONParser.parse(defines[json] ?? json) }
                else if let json = line.stripping("vars: ") {
                    guard case .object(let o) = try JSONParser.parse(json) else { return .failure(CaseFileError(line: n, message: "vars must be an object")) }
                    for (k, v) in o { context.variables[k] = v }
                } else if let p = line.stripping("pointer: ") { pointer = p }
                else { positional.append(line) }
            } catch {
                return .failure(CaseFileError(line: n, message: "bad JSON: \(error.message)"))
            }
        }
        guard positional.count == 2 else {
            return .failure(CaseFileError(line: start, message: "expected a body line and an expected line, got \(positional.count) lines"))
        }
        if positional[0] != "nobody" {
            do { context.body = try JSONParser.parse(positional[0]) } catch {
                return .failure(CaseFileError(line: start, message: "bad body JSON: \(error.message)"))
            }
        }
        if kind == "%%PROBLEM" {
            return .success(ExpressionCase(line: start, expression: expression, context: context, expected: .problem(positional[1], pointer: pointer)))
        }
        do {
            let expected = try JSONParser.parse(positional[1])
            return .success(ExpressionCase(line: start, expression: expression, context: context, expected: .value(JSONWriter.write(expected))))
        } catch {
            return .failure(CaseFileError(line: start, message: "bad expected JSON: \(error.message)"))
        }
    }
}

/// A block of the case file that could not be read.
struct CaseFileError: Error, Sendable {
    var line: Int
    var message: String
}

extension String {
    func stripping(_ prefix: String) -> String? { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil }
}
