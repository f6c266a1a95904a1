import ConformCore

/// The checks and findings of one suite in two runs, lined up by target-free id (`RunDiff`'s per-suite work).
struct SuiteComparison {
    /// A check where it was found: its suite, case and the check itself.
    struct Located {
        var suite: SuiteResult
        var caseResult: CaseResult
        var check: CheckResult
    }

    private(set) var entries: [RunDiff.Entry] = []

    init(before: SuiteResult?, after: SuiteResult?) {
        let b = Self.checks(before), a = Self.checks(after)
        let beforeById = Dictionary(b.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        let afterById = Dictionary(a.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        let erroredBefore = Self.erroredCases(before), erroredAfter = Self.erroredCases(after)
        let casesBefore = Set(before?.cases.map(\.id) ?? []), casesAfter = Set(after?.cases.map(\.id) ?? [])
        var causedError = Set<String>()
        // Before's order first (fixed, removed, became an error), then what only the after run has.
        for (key, old) in b {
            guard let new = afterById[key] else {
                let caseId = old.caseResult.id
                if erroredAfter.contains(caseId), old.check.status != .error {
                    causedError.insert(caseId)
                    entries.append(checkEntry(.becameError, old, error: Self.firstError(after, caseId: caseId), before: old.check.status, after: .error))
                } else if !(casesAfter.contains(caseId) && erroredBefore.contains(caseId)) {
                    entries.append(checkEntry(.checkRemoved, old, before: old.check.status, after: nil))
                }
                continue
            }
            let caseId = old.caseResult.id
            if new.check.status == .skipped, Self.ran(old.check.status), erroredAfter.contains(caseId) {
                // Listed as skipped because its case got no answer: the check became an error, it did not vanish.
                causedError.insert(caseId)
                entries.append(checkEntry(.becameError, new, error: Self.firstError(after, caseId: caseId), before: old.check.status, after: .error))
            } else if old.check.status == .skipped, Self.ran(new.check.status), erroredBefore.contains(caseId) {
                entries.append(checkEntry(.recovered, new, before: .error, after: new.check.status))
                entries += findingEntries(.new, new)
            } else {
                compare(old, new)
            }
        }
        for (key, new) in a where beforeById[key] == nil {
            let caseId = new.caseResult.id
            if new.check.status == .error, casesBefore.contains(caseId) {
                if !causedError.contains(caseId) {
                    entries.append(checkEntry(.becameError, new, error: Self.firstErrorDetail(new.check), before: nil, after: .error))
                }
            } else if erroredBefore.contains(caseId), casesBefore.contains(caseId) {
                entries.append(checkEntry(.recovered, new, before: .error, after: new.check.status))
                entries += findingEntries(.new, new)
            } else {
                entries.append(checkEntry(.checkAdded, new, before: nil, after: new.check.status))
                entries += findingEntries(.new, new)
            }
        }
        entries = Self.foldedPerCase(entries, .becameError)
        entries = Self.foldedPerCase(entries, .recovered)
    }

    /// One entry per case for a change that strikes a whole case at once (unreachable tonight: its status,
    /// content-type and body checks all became errors), naming the checks it covers; `instances` counts them.
    static func foldedPerCase(_ entries: [RunDiff.Entry], _ change: RunDiff.Change) -> [RunDiff.Entry] {
        var out: [RunDiff.Entry] = []
        var index: [String: Int] = [:]
        var names: [Int: [String]] = [:]
        for e in entries {
            guard e.change == change, e.finding == nil else { out.append(e); continue }
            if let i = index[e.caseId] {
                names[i, default: []].append(e.checkName)
                out[i].instances += 1
                if out[i].errorDetail == nil { out[i].errorDetail = e.errorDetail }
            } else {
                index[e.caseId] = out.count
                names[out.count] = [e.checkName]
                var first = e
                first.instances = 1
                out.append(first)
            }
        }
        for (i, list) in names where list.count > 1 {
            let shown = list.prefix(3).joined(separator: ", ")
            out[i].checkName = "\(list.count) checks (" + shown + (list.count > 3 ? ", …" : "") + ")"
        }
        return out
    }

    /// One check present in both runs.
    private mutating func compare(_ old: Located, _ new: Located) {
        let ranBefore = Self.ran(old.check.status), ranAfter = Self.ran(new.check.status)
        switch (old.check.status, new.check.status) {
        case (_, .error) where old.check.status != .error:
            if ranBefore || old.check.status == .skipped {
                entries.append(checkEntry(.becameError, new, error: Self.firstErrorDetail(new.check), before: old.check.status, after: .error))
            }
        case (.error, _) where new.check.status != .error:
            entries.append(checkEntry(.recovered, new, before: .error, after: new.check.status))
            entries += findingEntries(.new, new)
        default:
            guard ranAfter else { return }
            let oldFindings = ranBefore ? Self.failures(old.check) : []
            let newFindings = Self.failures(new.check)
            for (key, group) in Self.ordered(new.check) {
                let change: RunDiff.Change = oldFindings.contains(key) ? .stillFailing : .new
                entries.append(findingEntry(change, new, group, before: old.check.status, after: new.check.status))
            }
            guard ranBefore else { return }
            for (key, group) in Self.ordered(old.check) where !newFindings.contains(key) {
                entries.append(findingEntry(.fixed, old, group, before: old.check.status, after: new.check.status))
            }
        }
    }

    private func checkEntry(_ change: RunDiff.Change, _ at: Located, error: String? = nil,
                            before: CheckResult.Status?, after: CheckResult.Status?) -> RunDiff.Entry {
        RunDiff.Entry(change: change, suite: at.suite.suite, target: at.suite.target, caseId: at.caseResult.id,
                      caseName: at.caseResult.name, checkName: at.check.name, checkKind: at.check.check,
                      id: at.check.id ?? "", sharedId: Self.key(at.caseResult, at.check), finding: nil, instances: 0,
                      before: before, after: after, errorDetail: error, curl: at.caseResult.curl)
    }

    private func findingEntry(_ change: RunDiff.Change, _ at: Located, _ group: [Finding],
                              before: CheckResult.Status?, after: CheckResult.Status?) -> RunDiff.Entry {
        let first = group[0]
        let key = Self.findingKey(first)
        // Every instance of the problem: those listed, and those the check counted past its limit (`omitted`).
        let counted = at.check.omitted.lazy.filter { $0.kind == first.kind && Self.omittedKey($0) == key }.reduce(0) { $0 + $1.count }
        return RunDiff.Entry(change: change, suite: at.suite.suite, target: at.suite.target, caseId: at.caseResult.id,
                             caseName: at.caseResult.name, checkName: at.check.name, checkKind: at.check.check,
                             id: first.id ?? "", sharedId: key, finding: first, instances: group.count + counted,
                             before: before, after: after, errorDetail: nil, curl: at.caseResult.curl)
    }

    private func findingEntries(_ change: RunDiff.Change, _ at: Located) -> [RunDiff.Entry] {
        Self.ordered(at.check).map { findingEntry(change, at, $0.1, before: nil, after: at.check.status) }
    }

    /// Checks by target-free id, in run order.
    static func checks(_ suite: SuiteResult?) -> [(key: String, value: Located)] {
        guard let suite else { return [] }
        return suite.cases.flatMap { c in c.checks.map { (key: key(c, $0), value: Located(suite: suite, caseResult: c, check: $0)) } }
    }

    /// The check's target-free id, or (results built by hand) its case, kind and name.
    static func key(_ c: CaseResult, _ check: CheckResult) -> String {
        check.sharedId ?? check.id ?? [c.id, check.check, check.rule ?? check.name].joined(separator: "\u{1F}")
    }

    /// The finding's target-free id, or (results built by hand) what identifies it best without one.
    static func findingKey(_ f: Finding) -> String {
        f.sharedId ?? f.id ?? f.problemKey
    }

    /// `findingKey` of the problem whose instances `o` counts.
    static func omittedKey(_ o: OmittedFindings) -> String {
        o.sharedId ?? o.id ?? o.problemKey
    }

    /// The check's failures grouped by id, in order of first appearance.
    static func ordered(_ check: CheckResult) -> [(String, [Finding])] {
        var order: [String] = []
        var groups: [String: [Finding]] = [:]
        for f in check.findings where f.kind == .failure {
            let k = findingKey(f)
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(f)
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// The ids of the check's failures.
    static func failures(_ check: CheckResult) -> Set<String> {
        Set(check.findings.lazy.filter { $0.kind == .failure }.map(findingKey))
    }

    /// A check ran when it passed or failed (an error or a skip says nothing about the contract).
    static func ran(_ status: CheckResult.Status) -> Bool { status == .passed || status == .failed }

    static func erroredCases(_ suite: SuiteResult?) -> Set<String> {
        Set(suite?.cases.filter { $0.checks.contains { $0.status == .error } }.map(\.id) ?? [])
    }

    static func firstError(_ suite: SuiteResult?, caseId: String) -> String? {
        suite?.cases.first { $0.id == caseId }?.checks.lazy.compactMap(firstErrorDetail).first
    }

    static func firstErrorDetail(_ check: CheckResult) -> String? {
        check.findings.first { $0.kind == .error }.map { $0.title + ": " + $0.detail }
    }
}
