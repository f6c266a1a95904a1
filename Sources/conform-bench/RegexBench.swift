import ConformCore
import Foundation

/// `conform-bench --regex`: the ReDoS case and everyday patterns, Foundation's backtracking
/// `NSRegularExpression` (what schema `pattern` and `matches()` used before) against Conform's
/// linear-time `RegexProgram`, on the same strings.
///
///   catastrophic ^(a+)+$ on "a"×N + "!"      N=20: NSRegularExpression … ms, RegexProgram … ms
///   everyday  ^[a-z0-9][a-z0-9._-]*$ on 10,000 model ids: … ms vs … ms
enum RegexBench {
    static func run(repetitions: Int) throws {
        print("catastrophic /^(a+)+$/ against \"a\"×N + \"!\" (one string, best of \(repetitions) for RegexProgram, 1 run for NSRegularExpression)")
        let catastrophic = try RegexProgram("^(a+)+$")
        let oldCatastrophic = try NSRegularExpression(pattern: "^(a+)+$")
        for n in [20, 24, 26, 28, 30] {
            let s = String(repeating: "a", count: n) + "!"
            let before = BenchTimer.best(1) { search(oldCatastrophic, s) }
            let after = BenchTimer.best(repetitions) { catastrophic.matches(s) }
            print(String(format: "  N=%-6d NSRegularExpression %10.1f ms   RegexProgram %8.4f ms", n, before.seconds * 1e3, after.seconds * 1e3))
        }
        for n in [1_000, 10_000, 100_000] {
            let s = String(repeating: "a", count: n) + "!"
            let after = BenchTimer.best(repetitions) { catastrophic.matches(s) }
            print(String(format: "  N=%-6d NSRegularExpression     (not run)   RegexProgram %8.4f ms", n, after.seconds * 1e3))
        }
        let ids = (0..<10_000).map { "vendor-\($0 % 17)/model-\($0).v\($0 % 5)_\($0 % 3 == 0 ? "preview" : "ga")" }
        print("everyday patterns on 10,000 model ids (best of \(repetitions), whole page)")
        for pattern in ["^[a-z0-9][a-z0-9./_-]*$", #"^vendor-\d+/model-\d+\.v[0-4]_(preview|ga)$"#, "^vendor-", "preview", #"\bga$"#] {
            let program = try RegexProgram(pattern)
            let old = try NSRegularExpression(pattern: pattern)
            var agree = true
            for id in ids.prefix(500) where program.matches(id) != search(old, id) { agree = false }
            let before = BenchTimer.best(repetitions) { ids.reduce(0) { $0 + (search(old, $1) ? 1 : 0) } }
            let after = BenchTimer.best(repetitions) { ids.reduce(0) { $0 + (program.matches($1) ? 1 : 0) } }
            let name = pattern.padding(toLength: max(48, pattern.count), withPad: " ", startingAt: 0)
            print(name + String(format: " NSRegularExpression %7.2f ms   RegexProgram %7.2f ms", before.seconds * 1e3, after.seconds * 1e3)
                  + (agree ? "" : "   (results differ!)"))
        }
    }

    private static func search(_ re: NSRegularExpression, _ s: String) -> Bool {
        re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }
}
