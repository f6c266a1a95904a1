import ConformRun

/// `--max-requests N`, which `conform run` and `conform compat` share: the most requests one pagination
/// walk sends (`RunOptions.maxRequestsPerWalk`).
enum WalkBudgetOption {
    static let spec = OptionSpec("max-requests", value: "N", help: "Most requests one pagination walk sends (default 10000). A walk follows the total its pages announce; past the budget its whole-list checks are skipped, not failed.")

    /// Sets `options.maxRequestsPerWalk` when the flag is given.
    static func apply(_ parsed: ParsedArguments, to options: inout RunOptions) throws(UsageError) {
        guard parsed.value("max-requests") != nil else { return }
        options.maxRequestsPerWalk = try parsed.integer("max-requests", default: 0, range: 1...10_000_000)
    }
}
