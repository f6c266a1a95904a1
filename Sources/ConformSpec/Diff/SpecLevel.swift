/// How much a change matters, as oasdiff grades it: `ERR` breaks clients, `WARN` may, `INFO` does not.
public enum SpecLevel: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case info = 0, warn = 1, err = 2

    public init?(_ text: String) {
        switch text.uppercased() {
        case "ERR", "ERROR": self = .err
        case "WARN", "WARNING": self = .warn
        case "INFO": self = .info
        default: return nil
        }
    }

    public var description: String {
        switch self { case .err: "ERR"; case .warn: "WARN"; case .info: "INFO" }
    }

    public static func < (a: SpecLevel, b: SpecLevel) -> Bool { a.rawValue < b.rawValue }
}
