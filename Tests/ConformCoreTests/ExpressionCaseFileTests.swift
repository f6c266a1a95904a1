import Foundation
import Testing
@testable import ConformCore

/// Runs every block of `Fixtures/expressions.test`; each case is named by its line in that file.
@Suite struct ExpressionCaseFileTests {
    static let loaded: [Result<ExpressionCase, CaseFileError>] = {
        guard let url = Bundle.module.url(forResource: "expressions", withExtension: "test", subdirectory: "Fixtures"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [.failure(CaseFileError(line: 0, message: "Fixtures/expressions.test not found in the test bundle"))] }
        return ExpressionCase.load(text)
    }()

    static var cases: [ExpressionCase] { loaded.compactMap { try? $0.get() } }

    @Test func caseFileReadsCleanly() {
        for case .failure(let e) in Self.loaded { Issue.record("expressions.test:\(e.line): \(e.message)") }
        #expect(Self.cases.count >= 120)
    }

    @Test(arguments: cases) func expressionCase(_ c: ExpressionCase) {
        let where_ = "expressions.test:\(c.line)"
        switch c.expected {
        case .parseError(let message):
            do {
                let e = try ConformCore.Expression.parse(c.expression)
                Issue.record("\(where_): expected a parse error, but it parsed (\(e.source))")
            } catch {
                #expect(error.description == message, "\(where_)")
            }
        case .value(let expected):
            guard let e = parsed(c, where_) else { return }
            switch e.evaluate(in: c.context) {
            case .value(let v): #expect(JSONWriter.write(v) == expected, "\(where_)")
            case .problem(let p): Issue.record("\(where_): expected \(expected), got problem: \(p.message)")
            }
        case .problem(let message, let pointer):
            guard let e = parsed(c, where_) else { return }
            switch e.evaluate(in: c.context) {
            case .value(let v): Issue.record("\(where_): expected a problem, got \(JSONWriter.write(v))")
            case .problem(let p):
                #expect(p.message == message, "\(where_)")
                if let pointer { #expect((p.pointer.map { $0.tokens.isEmpty ? "(root)" : $0.description } ?? "nil") == pointer, "\(where_)") }
            }
            // A problem is never a passing invariant.
            #expect(!e.check(in: c.context).holds, "\(where_)")
        }
    }

    func parsed(_ c: ExpressionCase, _ where_: String) -> ConformCore.Expression? {
        do { return try ConformCore.Expression.parse(c.expression) } catch {
            Issue.record("\(where_): does not parse: \(error.description)")
            return nil
        }
    }
}
