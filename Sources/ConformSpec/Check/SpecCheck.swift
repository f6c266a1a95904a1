import ConformCore

/// Where a suite and the OpenAPI document it encodes disagree: the suite is compared as the "old" side and
/// the document as the "new" one (the same rules as `SpecDiff`), then each change is graded and worded for
/// a suite: ERR when the suite would fail a server that follows the document, WARN when the suite checks
/// less (or otherwise) than the document says, INFO when the document says more than the suite needs.
public enum SpecCheck {
    public static func compare(suite: Suite, spec: OpenAPIDocument, operations selectors: [String]) throws(SpecError) -> [SpecChange] {
        var side = SuiteOperations.side(of: suite)
        if !selectors.isEmpty {
            var kept: [SpecOperation] = []
            for s in selectors {
                guard let key = SpecOperation.Key(s) else { throw SpecError("--operation expects \"METHOD /path\", got \"\(s)\"", path: suite.file.source.path) }
                guard let op = side.operations.first(where: { $0.key.matches(key) }) else {
                    throw SpecError("the suite has no operation \"\(key)\"", path: suite.file.source.path)
                }
                kept.append(op)
            }
            side = SpecDiff.Side(documents: side.documents, operations: kept)
        }
        let covered = spec.operations.filter { o in side.operations.contains { $0.key.matches(o.key) } }
        let changes = try SpecDiff.compare(old: side, new: .init(documents: spec.documents, operations: covered))
        return changes.map(reworded)
    }

    /// The level and sentence of a change read as "suite versus document".
    static func reworded(_ c: SpecChange) -> SpecChange {
        let (level, meaning): (SpecLevel, String) = switch c.rule {
        case .apiPathRemoved, .apiRemoved: (.err, "the suite covers an operation the document does not have")
        case .propertyBecameOptional: (.err, "the suite requires a member the document makes optional")
        case .requiredPropertyRemoved: (.err, "the suite requires a member the document does not have")
        case .optionalPropertyRemoved: (.info, "the suite declares a member the document does not have")
        case .propertyBecameRequired: (.warn, "the document requires a member the suite leaves optional")
        case .requiredPropertyAdded: (.warn, "the document requires a member the suite does not check")
        case .optionalPropertyAdded: (.info, "the document has an optional member the suite does not check")
        case .propertyEnumValueAdded: (.err, "the document allows a value the suite's enum rejects")
        case .propertyEnumValueRemoved: (.warn, "the suite's enum allows a value the document does not")
        case .propertyTypeChanged, .bodyTypeChanged: (.err, "the suite and the document type this differently")
        case .propertyBecameNullable, .bodyBecameNullable: (.err, "the document allows null where the suite does not")
        case .propertyBecameNotNullable: (.warn, "the suite allows null where the document does not")
        case .additionalPropertiesTightened: (.warn, "the document closes an object the suite leaves open")
        case .successStatusRemoved: (.err, "the suite expects a success status the document does not list")
        case .nonSuccessStatusRemoved: (.warn, "the suite expects a status the document does not list")
        case .successStatusAdded, .nonSuccessStatusAdded: (.info, "the document lists a status the suite does not check")
        case .mediaTypeRemoved: (.warn, "the suite checks a body the document does not document")
        case .newRequiredParameter: (.err, "the document requires a parameter the suite never sends")
        case .newOptionalParameter: (.info, "the document has a parameter the suite does not declare")
        case .parameterRemoved: (.warn, "the suite declares a parameter the document does not have")
        case .endpointAdded: (.info, "the document has an operation the suite does not cover")
        default: (.warn, "the suite's parameter differs from the document's")
        }
        return SpecChange(rule: c.rule, level: level, operation: c.operation, subject: c.subject, message: "\(meaning): \(c.message)",
                          old: c.old, new: c.new)
    }
}
