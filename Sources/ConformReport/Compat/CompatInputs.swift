import ConformCore

/// Per-target runs out of results files written by separate jobs (`conform compat --from`): each suite
/// result goes to the target its `target` label names (`conform run --target-name`), so the matrix is the one
/// `conform compat --targets` builds in one process.
public enum CompatInputs {
    /// The runs, one per target: in the targets file's order when one is given (its labels and base URLs
    /// shown), else in order of first appearance. Fails on a suite × target given twice, a target of the
    /// file without results, or results for a target the file does not list.
    public static func runs(from files: [(path: String, run: RunResult)], targets: [Target]?) throws(ResultsSetError) -> [TargetRun] {
        var problems: [String] = []
        var order: [String] = []
        var suitesByTarget: [String: [SuiteResult]] = [:]
        var seen: [String: String] = [:]
        var firstRun: [String: RunResult] = [:]
        for (path, run) in files {
            for suite in run.suites {
                let key = suite.suite + " @ " + suite.target
                if let other = seen[key] { problems.append("\(key) is in both \(other) and \(path)"); continue }
                seen[key] = path
                if suitesByTarget[suite.target] == nil { order.append(suite.target); firstRun[suite.target] = run }
                suitesByTarget[suite.target, default: []].append(suite)
            }
        }
        var columns: [Target] = []
        if let targets {
            let named = Set(targets.map(\.name))
            for t in targets where suitesByTarget[t.name] == nil { problems.append("target '\(t.name)' has no results (run it with --target-name \(t.name))") }
            for label in order where !named.contains(label) { problems.append("results for target '\(label)' that the targets file does not list") }
            columns = targets
        } else {
            columns = order.map { Target(name: $0, baseURL: suitesByTarget[$0]?.first?.baseURL ?? "") }
        }
        guard problems.isEmpty else { throw ResultsSetError(problems) }
        return columns.map { target in
            let suites = suitesByTarget[target.name] ?? []
            let run = firstRun[target.name]
            return TargetRun(target: target, result: RunResult(tool: run?.tool ?? "conform", version: run?.version ?? ConformVersion.current,
                                                               startedAt: run?.startedAt ?? "", durationSeconds: run?.durationSeconds ?? 0, suites: suites))
        }
    }
}
