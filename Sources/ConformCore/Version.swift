/// Conform's version, printed by `--version`, sent in the User-Agent and written into every report.
public enum ConformVersion {
    public static let current = "0.1.0"
    public static var userAgent: String { "conform/\(current)" }
}
