import ConformCore

/// The console lines `conform run --confirm-removals` adds after the summary, one per recorded listing:
///
/// ```
/// Catalog e2e-catalog › list: 7 items (complete); 3 missing since BEFORE, fetched by id (get): 3 answered 404/410
/// ```
enum CatalogConsole {
    /// One line per listing of every suite, saying what the confirmation found.
    static func lines(_ run: RunResult) -> [String] {
        run.suites.flatMap { suite in
            suite.catalogs.map { listing in
                var line = "Catalog \(suite.suite) › \(listing.operation): \(listing.items.count) item\(listing.items.count == 1 ? "" : "s") (\(listing.status.rawValue))"
                if let reason = listing.reason { line += " — \(reason)" }
                guard let c = listing.confirmation else { return line }
                let missing = c.checks.count + c.notChecked
                if missing == 0 { return line + (c.note.map { "; \($0)" } ?? "; nothing missing since BEFORE") }
                line += "; \(missing) missing since BEFORE"
                if let op = c.operation, !c.checks.isEmpty {
                    let confirmed = c.checks.filter(\.confirmsRemoval).count
                    line += ", fetched by id (\(op)): \(confirmed) answered 404/410"
                    if confirmed < c.checks.count { line += ", \(c.checks.count - confirmed) did not" }
                }
                return line + (c.note.map { "; \($0)" } ?? "")
            }
        }
    }
}
