/// One target's tally over the matrix rows: passed / applicable, where applicable counts passes, failures,
/// not-implemented cells and checks skipped because an earlier check of their case failed (a rule the
/// target never got to is not a pass). Errors, skips with their input legitimately absent and absent rows
/// say nothing about the contract.
public struct CompatScore: Sendable, Hashable {
    public var passed = 0, failed = 0, notImplemented = 0, notChecked = 0, errors = 0, skipped = 0, absent = 0

    public init() {}

    /// Rules the target was measured on.
    public var applicable: Int { passed + failed + notImplemented + notChecked }
    /// False when every check errored (or nothing applied): "not measured", never 0 %.
    public var measured: Bool { applicable > 0 }
    /// passed / applicable as a percentage, nil when not measured.
    public var percent: Double? { measured ? Double(passed) * 100 / Double(applicable) : nil }
    /// Whether the target departs from the contract anywhere.
    public var departs: Bool { failed + notImplemented > 0 }

    /// "92.1 % (175 of 190)", or "not measured".
    public var text: String {
        guard let percent else { return "not measured" }
        return "\(Self.format(percent)) % (\(passed) of \(applicable))"
    }

    /// One decimal, truncated so 99.95 % never reads as 100 %.
    static func format(_ percent: Double) -> String {
        let tenths = Int((percent * 10).rounded(.down))
        return "\(tenths / 10).\(tenths % 10)"
    }

    mutating func add(_ cell: CompatCell) {
        switch cell.state {
        case .pass: passed += 1
        case .fail: failed += 1
        case .notImplemented: notImplemented += 1
        case .error: errors += 1
        case .skipped: if cell.afterFailure { notChecked += 1 } else { skipped += 1 }
        case .absent: absent += 1
        }
    }
}
