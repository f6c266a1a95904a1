/// The one rule for an environment variable's name in suites and targets files: `^[A-Z_][A-Z0-9_]*$`.
/// Anything else may be a pasted secret, so callers neither echo it nor show its source line.
public enum VariableName {
    /// Whether `name` is an upper-case environment variable name (`SGP_API_KEY`).
    public static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.enumerated().allSatisfy { i, c in
            (c >= 65 && c <= 90) || c == 95 || (i > 0 && c >= 48 && c <= 57)
        }
    }
}
