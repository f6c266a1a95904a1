import ConformCore

/// One difference between two versions of a document (or between a suite and its document): rule, level,
/// operation, what changed, and where in each file (`old.yaml:212`, `new.yaml:215`).
public struct SpecChange: Sendable {
    public let rule: SpecRule
    public var level: SpecLevel
    /// `GET /v5/models`.
    public let operation: String
    /// What the rule is about: a parameter (`query limit`), a response member (`200 items[*].model_vendor`),
    /// a status (`422`); "" for the operation itself.
    public let subject: String
    /// One sentence (`added the enum value "xai"`).
    public let message: String
    public let old: SourceLocation?
    public let new: SourceLocation?
    /// Stable across edits that move lines: hash of rule, operation, subject and message (16 hex digits),
    /// the id an ignore entry names.
    public var id: String { FindingFingerprint.hex16([rule.id, operation, subject, message].joined(separator: "\u{1F}")) }

    public init(rule: SpecRule, level: SpecLevel? = nil, operation: String, subject: String, message: String,
                old: SourceLocation?, new: SourceLocation?) {
        self.rule = rule; self.level = level ?? rule.level; self.operation = operation; self.subject = subject
        self.message = message; self.old = old; self.new = new
    }
}

/// The 16-hex-digit id of a change, as baseline entries name findings.
enum FindingFingerprint {
    static func hex16(_ text: String) -> String {
        String(SHA256.hex(Array(text.utf8)).prefix(16))
    }
}
