import ConformCore

/// The compatibility matrix as one self-contained HTML page (`conform compat --html FILE`; the page shell,
/// colours and escaping are `HTMLPage`, shared with `RunHTML`): inline CSS and a little inline JS (filters, the details panel), no external request, readable offline and in print.
/// Each cell has a colour *and* a symbol (Okabe–Ito colours, safe for colour-blind readers), its
/// classification on hover (`title`) and a link to its evidence; every text is escaped through `XMLEscaping`.
public enum CompatHTML {
    /// The page, ending with a newline.
    public static func render(_ m: CompatMatrix) -> String {
        var h = "<header>\n<h1>\(e(title(m)))</h1>\n<p class=\"verdict\">\(e(CompatHTML.verdict(m)))</p>\n"
        h += "<p class=\"meta\">conform \(e(m.version)) · started \(e(m.startedAt)) · \(m.rows.count) rules × \(m.columns.count) targets</p>\n"
        h += scores(m) + legend + "</header>\n"
        h += "<div class=\"filters\"><label><input type=\"checkbox\" id=\"differing\"> only rules that do not pass everywhere</label> "
        h += "<label>filter <input type=\"search\" id=\"q\" placeholder=\"suite, operation, rule…\"></label></div>\n"
        h += matrix(m)
        h += evidence(m)
        h += "<aside id=\"panel\" hidden><button type=\"button\" id=\"close\" aria-label=\"close\">×</button><div id=\"panelBody\"></div></aside>\n"
        return HTMLPage.document(title: title(m), css: css, body: h, script: script)
    }

    static func e(_ s: String) -> String { HTMLPage.escape(s) }

    static func title(_ m: CompatMatrix) -> String {
        let suites = Array(Set(m.rows.map(\.suite))).sorted()
        return "Compatibility: " + (suites.count == 1 ? suites[0] : "\(suites.count) suites") + " on \(m.columns.count) targets"
    }

    static func verdict(_ m: CompatMatrix) -> String {
        let departing = m.columns.filter { $0.score.departs || $0.score.notChecked > 0 }.map(\.name)
        let unmeasured = m.columns.filter { !$0.score.measured }.map(\.name)
        var parts: [String] = []
        if departing.isEmpty && unmeasured.isEmpty { parts.append("✔ Every target holds every rule.") }
        if !departing.isEmpty { parts.append("✘ Departs from the contract: " + departing.joined(separator: ", ") + ".") }
        if !unmeasured.isEmpty { parts.append("⚠ Not measured (every check errored): " + unmeasured.joined(separator: ", ") + ".") }
        parts.append("Interop: \(m.interop) of \(m.rows.count) rules pass on every measured target.")
        return parts.joined(separator: " ")
    }

    static func scores(_ m: CompatMatrix) -> String {
        var h = "<div class=\"scores\">\n"
        for c in m.columns {
            let s = c.score
            let state = !s.measured ? "error" : (s.departs || s.notChecked > 0 ? "fail" : "pass")
            let labels = c.labels.map { "\($0.name): \($0.value)" }.joined(separator: " · ")
            h += "<div class=\"score \(state)\"><div class=\"name\">\(e(c.name))</div>"
            h += "<div class=\"pct\">\(s.percent.map { CompatScore.format($0) + " %" } ?? "not measured")</div>"
            h += "<div class=\"bar\"><span style=\"width:\(Int(s.percent ?? 0))%\"></span></div>"
            h += s.measured
                ? "<div class=\"small\">\(s.passed) of \(s.applicable) rules · \(s.failed) failed · \(s.notImplemented) not impl. · \(s.notChecked) not checked · \(s.errors) errors</div>"
                : "<div class=\"small\">every check errored (\(s.errors)): a harness problem, not a score</div>"
            h += "<div class=\"small url\">\(e(c.baseURL))\(labels.isEmpty ? "" : "<br>" + e(labels))</div></div>\n"
        }
        let dist = m.distribution.enumerated().reversed().map { "\($1) on \($0)/\(m.measuredColumns.count)" }.joined(separator: " · ")
        return h + "</div>\n<p class=\"small\">Rules passing on N of the measured targets: \(e(dist))</p>\n"
    }

    static let legend = "<p class=\"legend\"><span class=\"c pass\">✔ pass</span> <span class=\"c fail\">✘ fail</span> "
        + "<span class=\"c notimpl\">∅ not implemented</span> <span class=\"c skip after\">– not checked (after a failure)</span> "
        + "<span class=\"c error\">⚠ error (harness, not counted)</span> <span class=\"c skip\">– skipped</span> <span class=\"c absent\">· absent</span></p>\n"

    static func cssClass(_ c: CompatCell) -> String {
        switch c.state {
        case .pass: return "pass"
        case .fail: return "fail"
        case .error: return "error"
        case .skipped: return c.afterFailure ? "skip after" : "skip"
        case .notImplemented: return "notimpl"
        case .absent: return "absent"
        }
    }

    /// The short text under the symbol.
    static func label(_ c: CompatCell) -> String {
        switch c.state {
        case .pass: return "pass"
        case .fail: return c.classes.first?.rawValue ?? "fail"
        case .error: return "error"
        case .skipped: return c.afterFailure ? "not checked" : "skipped"
        case .notImplemented: return "not implemented"
        case .absent: return "absent"
        }
    }

    static func hasEvidence(_ c: CompatCell) -> Bool { [.fail, .error, .notImplemented].contains(c.state) || c.afterFailure }

    static func matrix(_ m: CompatMatrix) -> String {
        var h = "<div class=\"wrap\"><table id=\"matrix\">\n<thead><tr><th class=\"rule\">rule</th>"
        for c in m.columns { h += "<th>\(e(c.name))<br><span class=\"small\">\(c.score.percent.map { CompatScore.format($0) + " %" } ?? "not measured")</span></th>" }
        h += "<th>passes<br><span class=\"small\">of \(m.measuredColumns.count) measured</span></th></tr></thead>\n<tbody>\n"
        var suite = "", operation = ""
        for (r, row) in m.rows.enumerated() {
            if row.suite != suite {
                suite = row.suite; operation = ""
                h += "<tr class=\"group suite\"><th colspan=\"\(m.columns.count + 2)\">\(e(row.suite))</th></tr>\n"
            }
            if row.operation != operation {
                operation = row.operation
                h += "<tr class=\"group op\"><th colspan=\"\(m.columns.count + 2)\">\(e(row.suite)) › \(e(row.operation))</th></tr>\n"
            }
            let differs = !m.holdsEverywhere(row)
            h += "<tr class=\"rule\(differs ? " differs" : "")\" data-text=\"\(e((row.suite + " " + row.operation + " " + row.caseName + " " + row.checkName).lowercased()))\">"
            let where_ = row.ruleLocation.map { " · rule \($0)" } ?? ""
            h += "<th class=\"rule\" title=\"\(e(row.check + where_ + (row.citation.map { " · " + $0 } ?? "")))\">\(e(row.caseName))<br><b>\(e(row.checkName))</b></th>"
            for (c, cell) in row.cells.enumerated() {
                let text = "<span class=\"sym\">\(cell.symbol)</span> \(e(label(cell)))"
                let id = anchor(m, row: r, column: c)
                let body = hasEvidence(cell) ? "<a href=\"#\(id)\" data-ev=\"\(id)\">\(text)</a>" : text
                h += "<td class=\"c \(cssClass(cell))\" title=\"\(e(m.columns[c].name + ": " + cell.summary))\">\(body)</td>"
            }
            h += "<td class=\"n\">\(row.passes)/\(m.measuredColumns.count)</td></tr>\n"
        }
        return h + "</tbody></table></div>\n"
    }

    /// Where a cell's evidence is: its own entry for failures, one shared entry per target and reason for
    /// errors (an unreachable target would otherwise bury the failures under one entry per rule).
    static func anchor(_ m: CompatMatrix, row r: Int, column c: Int) -> String {
        let cell = m.rows[r].cells[c]
        guard cell.state == .error else { return "e-\(r)-\(c)" }
        let reasons = errorReasons(m, column: c)
        return "x-\(c)-\(reasons.firstIndex(of: cell.reason ?? "") ?? 0)"
    }

    /// The distinct error reasons of a column, in row order.
    static func errorReasons(_ m: CompatMatrix, column c: Int) -> [String] {
        var out: [String] = []
        for row in m.rows where row.cells[c].state == .error {
            let reason = row.cells[c].reason ?? ""
            if !out.contains(reason) { out.append(reason) }
        }
        return out
    }

    static func evidence(_ m: CompatMatrix) -> String {
        var h = "<section id=\"evidence\"><h2>Failures</h2>\n"
        var any = false
        for (c, column) in m.columns.enumerated() {
            for (r, row) in m.rows.enumerated() where hasEvidence(row.cells[c]) && row.cells[c].state != .error {
                any = true
                h += entry(row, cell: row.cells[c], target: column.name, id: "e-\(r)-\(c)")
            }
        }
        if !any { h += "<p>No target fails a rule.</p>\n" }
        h += "<h2>Errors (the harness could not check; not counted)</h2>\n"
        any = false
        for (c, column) in m.columns.enumerated() {
            for (i, reason) in errorReasons(m, column: c).enumerated() {
                any = true
                let rows = m.rows.filter { $0.cells[c].state == .error && ($0.cells[c].reason ?? "") == reason }
                h += "<div class=\"ev error\" id=\"x-\(c)-\(i)\"><h3>⚠ \(e(column.name)) — \(rows.count) rule\(rows.count == 1 ? "" : "s") not checked</h3>\n<dl>"
                h += "<dt>reason</dt><dd>\(e(reason))</dd><dt>first</dt><dd>\(e(rows[0].suite)) › \(e(rows[0].caseName)) › \(e(rows[0].checkName))</dd></dl>"
                if let curl = rows[0].cells[c].curl { h += "<pre>\(e(curl))</pre>" }
                h += "</div>\n"
            }
        }
        if !any { h += "<p>None.</p>\n" }
        return h + "</section>\n"
    }

    /// The evidence of one failing (or not implemented, or not checked) cell.
    static func entry(_ row: CompatMatrix.Row, cell: CompatCell, target: String, id: String) -> String {
        var h = "<div class=\"ev \(cssClass(cell))\" id=\"\(id)\"><h3>\(cell.symbol) \(e(target)) — \(e(row.suite)) › \(e(row.caseName)) › \(e(row.checkName))</h3>\n<dl>"
        h += "<dt>verdict</dt><dd>\(e(cell.summary))</dd>"
        if let f = cell.evidence {
            h += "<dt>\(e(f.title))</dt><dd>\(e(f.detail))</dd>"
            if let p = f.pointer { h += "<dt>at</dt><dd><code>\(e(p))</code></dd>" }
            if let x = f.expected { h += "<dt>expected</dt><dd>\(e(x))</dd>" }
            if let a = f.actual { h += "<dt>actual</dt><dd>\(e(a))</dd>" }
        }
        if let reason = cell.reason, cell.evidence == nil || cell.state != .fail { h += "<dt>reason</dt><dd>\(e(reason))</dd>" }
        if let loc = row.ruleLocation ?? cell.evidence?.ruleLocation { h += "<dt>rule</dt><dd><code>\(e(loc))</code></dd>" }
        if let cite = row.citation { h += "<dt>cites</dt><dd>\(e(cite))</dd>" }
        if let id = cell.checkId { h += "<dt>check id</dt><dd><code>\(e(id))</code> (shared \(e(row.sharedId)))</dd>" }
        h += "</dl>"
        if let curl = cell.curl { h += "<pre>\(e(curl))</pre>" }
        return h + "</div>\n"
    }

    static let css = """
    .scores { display: flex; flex-wrap: wrap; gap: .6rem; margin: .6rem 0; }
    .score { border: 2px solid #ccc; border-radius: 6px; padding: .4rem .7rem; min-width: 12rem; }
    .score.pass { border-color: var(--passfg); } .score.fail { border-color: var(--failfg); } .score.error { border-color: var(--errorfg); }
    .score .name { font-weight: 700; } .score .pct { font-size: 1.5rem; font-weight: 700; }
    .score .url { word-break: break-all; }
    .bar { height: 6px; background: var(--fail); border-radius: 3px; overflow: hidden; } .bar span { display: block; height: 100%; background: var(--passfg); }
    .score.error .bar { background: var(--skip); }
    .legend .c { display: inline-block; padding: 1px 6px; border-radius: 3px; margin-right: .3rem; }
    .filters { margin: .5rem 0; display: flex; gap: 1.2rem; }
    .wrap { max-height: 78vh; overflow: auto; border: 1px solid #ccc; }
    table { border-collapse: separate; border-spacing: 0; width: 100%; }
    thead th { position: sticky; top: 0; background: #fff; z-index: 2; border-bottom: 2px solid #333; padding: 4px 6px; text-align: left; }
    th.rule { position: sticky; left: 0; background: #fff; z-index: 1; text-align: left; font-weight: normal; min-width: 22rem; max-width: 34rem; }
    thead th.rule { z-index: 3; }
    tr.group th { background: #f4f4f4; text-align: left; padding: 4px 6px; position: sticky; left: 0; }
    tr.suite th { font-size: 1rem; border-top: 2px solid #999; } tr.op th { font-weight: 600; color: #333; }
    td.c { white-space: nowrap; } td.c a { color: inherit; text-decoration: none; } td.c a:hover { text-decoration: underline; }
    .sym { font-weight: 700; display: inline-block; width: 1.1em; }
    .c.skip { background: var(--skip); color: var(--skipfg); } .c.skip.after { background: repeating-linear-gradient(135deg, #f6e6dc, #f6e6dc 4px, #eee 4px, #eee 8px); color: var(--failfg); }
    .c.absent { color: #999; }
    body.differing tr.rule:not(.differs) { display: none; }
    tr.hidden { display: none; }
    #evidence .ev { border-left: 6px solid #ccc; padding: .2rem .8rem; margin: .6rem 0; }
    #panel { position: fixed; right: 1rem; bottom: 1rem; width: min(40rem, 90vw); max-height: 60vh; overflow: auto; background: #fff;
             border: 2px solid #333; border-radius: 6px; padding: .5rem 1rem; box-shadow: 0 4px 18px rgba(0,0,0,.25); z-index: 5; }
    #close { float: right; font-size: 1.2rem; border: none; background: none; cursor: pointer; }
    @media print {
      .filters, #panel { display: none !important; } .wrap { max-height: none; overflow: visible; border: none; }
      thead th, th.rule, tr.group th { position: static; } body { margin: 0; font-size: 10px; }
      .c { -webkit-print-color-adjust: exact; print-color-adjust: exact; } .ev { break-inside: avoid; }
    }

    """

    static let script = """
    (function () {
      var body = document.body, rows = document.querySelectorAll('tr.rule');
      document.getElementById('differing').addEventListener('change', function (e) { body.classList.toggle('differing', e.target.checked); });
      document.getElementById('q').addEventListener('input', function (e) {
        var q = e.target.value.trim().toLowerCase();
        rows.forEach(function (r) { r.classList.toggle('hidden', q !== '' && r.getAttribute('data-text').indexOf(q) < 0); });
      });
      var panel = document.getElementById('panel'), panelBody = document.getElementById('panelBody');
      document.getElementById('close').addEventListener('click', function () { panel.hidden = true; });
      document.querySelectorAll('a[data-ev]').forEach(function (a) {
        a.addEventListener('click', function (e) {
          var ev = document.getElementById(a.getAttribute('data-ev'));
          if (!ev) { return; }
          e.preventDefault();
          panelBody.innerHTML = ev.innerHTML;
          panel.hidden = false;
        });
      });
    })();

    """
}
