import ConformCore

extension CompatMatrix {
    /// Check kinds that stand for the request itself (no answer, a refused redirect, a body over the cap):
    /// not rules of the contract, so not rows; they decide the cells of their case instead.
    static let outcomeKinds: Set<String> = [CheckKind.transport.id, CheckKind.redirect.id, CheckKind.bodySize.id]

    /// The matrix of per-target results (from one `conform compat` process or from separate jobs' results).
    public init(_ runs: [TargetRun]) {
        var rows: [Row] = []
        var rowIndex: [String: Int] = [:]
        for (column, run) in runs.enumerated() {
            for suite in run.result.suites {
                for c in suite.cases {
                    let verdict = CaseVerdict(c)
                    for check in c.checks where !Self.outcomeKinds.contains(check.check) {
                        let key = suite.suite + "\u{1F}" + SuiteComparison.key(c, check)
                        let cell = verdict.cell(for: check, caseResult: c)
                        if let i = rowIndex[key] {
                            rows[i].cells[column] = cell
                            if rows[i].ruleLocation == nil { rows[i].ruleLocation = check.findings.first?.ruleLocation }
                        } else {
                            var cells = [CompatCell](repeating: CompatCell(state: .absent), count: runs.count)
                            cells[column] = cell
                            rowIndex[key] = rows.count
                            rows.append(Row(suite: suite.suite, suiteTitle: suite.title, operation: c.operation, caseId: c.id,
                                            caseName: c.name, checkName: check.name, check: check.check,
                                            sharedId: check.sharedId ?? key, ruleLocation: check.findings.first?.ruleLocation,
                                            citation: c.citation, cells: cells))
                        }
                    }
                }
            }
        }
        let grouped = Self.grouped(rows)
        var columns: [Column] = []
        for (i, run) in runs.enumerated() {
            var score = CompatScore()
            for row in grouped { score.add(row.cells[i]) }
            columns.append(Column(name: run.target.name, baseURL: run.target.baseURL, labels: run.target.labels, score: score))
        }
        self.init(version: runs.first?.result.version ?? ConformVersion.current,
                  startedAt: runs.map(\.result.startedAt).min() ?? "",
                  durationSeconds: runs.map(\.result.durationSeconds).max() ?? 0,
                  columns: columns, rows: grouped)
    }

    /// Rows grouped suite → operation, each group in order of first appearance, rules in run order within.
    static func grouped(_ rows: [Row]) -> [Row] {
        var suiteOrder: [String] = [], operationOrder: [String: [String]] = [:]
        var buckets: [String: [Row]] = [:]
        for row in rows {
            if operationOrder[row.suite] == nil { suiteOrder.append(row.suite); operationOrder[row.suite] = [] }
            if !(operationOrder[row.suite]!.contains(row.operation)) { operationOrder[row.suite]!.append(row.operation) }
            buckets[row.suite + "\u{1F}" + row.operation, default: []].append(row)
        }
        return suiteOrder.flatMap { s in operationOrder[s]!.flatMap { buckets[s + "\u{1F}" + $0] ?? [] } }
    }
}

/// What one case's request came to on one target, deciding how its checks read as cells.
struct CaseVerdict {
    /// The request produced no answer (unreachable, timeout, TLS, body over the cap): every cell is an error.
    var harnessError: String?
    /// The request was answered in a way that fails before any rule (a redirect to another origin).
    var outcomeFailure: CheckResult?
    /// The operation's path answered 404/405 or an HTML page.
    var notImplemented: String?
    /// An earlier check of the case (status, content type, JSON) failed: later skips count against the target.
    var failedEarly: Bool

    init(_ c: CaseResult) {
        let outcomes = c.checks.filter { CompatMatrix.outcomeKinds.contains($0.check) }
        harnessError = outcomes.first { $0.status == .error }.map { check in
            check.findings.first { $0.kind == .error }.map { "\($0.title): \($0.detail)" } ?? check.name
        }
        outcomeFailure = outcomes.first { $0.status == .failed }
        let headFailed = c.checks.contains { [CheckKind.status.id, CheckKind.contentType.id, CheckKind.json.id].contains($0.check) && $0.status == .failed }
        failedEarly = headFailed || outcomeFailure != nil
        notImplemented = nil
        if headFailed, let response = c.response {
            let path = c.request.map { "\($0.method) \(URLPath.of($0.url))" } ?? "the operation"
            let type = response.headers.first { $0.name.lowercased() == "content-type" }?.value.lowercased() ?? ""
            if response.status == 404 || response.status == 405 {
                notImplemented = "\(path) answered \(response.status)"
            } else if type.hasPrefix("text/html") {
                notImplemented = "\(path) answered an HTML page (status \(response.status))"
            }
        }
    }

    /// The cell of one (non-outcome) check of the case.
    func cell(for check: CheckResult, caseResult c: CaseResult) -> CompatCell {
        var cell = CompatCell(state: .pass, curl: c.curl, checkId: check.id)
        switch check.status {
        case .passed:
            return cell
        case .failed:
            if let notImplemented { cell.state = .notImplemented; cell.reason = notImplemented; return cell }
            return Self.failed(check.findings, omitted: check.omitted, into: cell, body: FailureAggregation.completeBody(of: c.response))
        case .error:
            cell.state = .error
            cell.reason = check.findings.first { $0.kind == .error }.map { "\($0.title): \($0.detail)" } ?? "could not run"
            cell.evidence = check.findings.first
            return cell
        case .skipped:
            if let harnessError { cell.state = .error; cell.reason = harnessError; return cell }
            if let outcomeFailure, check.check == CheckKind.status.id {
                return Self.failed(outcomeFailure.findings, into: cell, body: nil)
            }
            if let notImplemented { cell.state = .notImplemented; cell.reason = notImplemented; return cell }
            cell.state = .skipped
            cell.reason = check.skipReason
            cell.afterFailure = failedEarly
            return cell
        }
    }

    /// A failing cell: classes by frequency, the extent of the largest group, the first failure as evidence.
    static func failed(_ findings: [Finding], omitted: [OmittedFindings] = [], into cell: CompatCell, body: JSONValue?) -> CompatCell {
        var cell = cell
        cell.state = .fail
        let failures = findings.filter { $0.kind == .failure }
        var counts: [FailureClass: Int] = [:]
        var order: [FailureClass] = []
        for f in failures {
            let k = FailureClass(f)
            if counts[k] == nil { order.append(k) }
            counts[k, default: 0] += 1
        }
        cell.classes = order.enumerated().sorted { a, b in
            let (ca, cb) = (counts[a.element]!, counts[b.element]!)
            return ca != cb ? ca > cb : a.offset < b.offset
        }.map(\.element)
        let counted = omitted.filter { $0.kind == .failure }
        let groups = FailureAggregation.groups(failures, omitted: counted, body: body)
        let largest = groups.max { $0.count < $1.count }
        cell.extent = largest.map(\.extent).flatMap { $0.isEmpty ? nil : $0 }
        cell.evidence = largest?.first ?? failures.first
        cell.findingCount = failures.count + counted.reduce(0) { $0 + $1.count }
        return cell
    }
}
