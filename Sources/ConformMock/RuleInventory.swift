import ConformCore

/// Every rule of a suite a check can enforce, and for each the drifts that break it — or why none can:
/// each assertion keyword instance in the schemas checked answers are validated against, each invariant,
/// each walk rule, each cross-check, the auth rejection, each parameter the operation rejects, each
/// checked operation's content type. `conform selftest` reports coverage over this list, so a rule without
/// a drift is visible instead of silently untested.
public struct SuiteRule: Sendable, Hashable {
    /// Where the rule is written in the suite document (`/definitions/Model/properties/id/pattern`).
    public var pointer: JSONPointer
    /// The check a broken rule is reported under (`schema.pattern`, `invariant`, `walk.fullPages`).
    public var check: String
    /// Names of the drifts that break it (empty: none can).
    public var drifts: [String]
    /// Why no drift breaks it, when none does.
    public var noDriftReason: String?
}

public enum RuleInventory {
    /// Keywords that assert something of an instance (annotations and applicators that only hold subschemas
    /// are not rules of their own).
    static let assertions: Set<String> = Set(
        (SchemaKeyword.vocabularies.first { $0.name == "validation" }?.keywords.map(\.0) ?? []) + ["format", "discriminator", "contains"])

    /// The rules of `suite`, in document order, with the drifts of `drifts` (from `DriftCatalog.drifts(for:)`).
    public static func rules(of suite: Suite, drifts: [Drift]) -> [SuiteRule] {
        let doc = suite.file.document
        let (operations, schemas) = DriftCatalog.checkedSchemas(suite)
        let (_, reached) = DriftCatalog.checked(suite)
        var out: [SuiteRule] = []
        var seen = Set<JSONPointer>()
        func add(_ pointer: JSONPointer, _ check: String, unreached: Bool = false, reason: String? = nil) {
            guard seen.insert(pointer).inserted else { return }
            let names = drifts.filter { d in d.rulePointers.contains { Self.covers($0, pointer) } }.map(\.name)
            var why: String?
            if names.isEmpty {
                why = reason ?? (check == "schema.type" && !unreached
                    ? "a value of another type here shows as another keyword first (a whole body or item, a map's values, an anyOf/oneOf branch) or is a member the paging computes"
                    : nil) ?? (unreached ? "no answer the mock serves reaches this schema (another branch of a oneOf/anyOf, or a member it leaves out)"
                                            : "the mock has no drift that breaks `\(check)` here")
            }
            out.append(SuiteRule(pointer: pointer, check: check, drifts: names, noDriftReason: why))
        }
        var visited = Set<JSONPointer>()
        func walk(_ pointer: JSONPointer, depth: Int) {
            guard depth < 64, visited.insert(pointer).inserted, case .object(let o)? = pointer.resolve(in: doc) else { return }
            if case .string(let ref)? = o["$ref"], ref.hasPrefix("#"), let target = JSONPointer(String(ref.dropFirst())) { walk(target, depth: depth + 1) }
            for key in o.keys {
                guard let value = o[key] else { continue }
                let at = pointer.appending(key)
                // `format` is a rule only where Conform asserts it (annotations never fail a response).
                if assertions.contains(key), !(key == "format" && !FormatChecker.isKnown(value.stringValue ?? "")) {
                    add(at, "schema.\(key)", unreached: !reached.contains(pointer))
                }
                if key == "additionalProperties", value == .bool(false) {
                    add(at, "schema.additionalProperties", unreached: !reached.contains(pointer))
                }
                switch SchemaKeyword.all[key] {
                case .schema?: walk(at, depth: depth + 1)
                case .schemaList?: for k in (value.arrayValue ?? []).indices { walk(at.appending(k), depth: depth + 1) }
                case .schemaMap? where key != "$defs" && key != "definitions":
                    for name in value.objectValue?.keys ?? [] { walk(at.appending(name), depth: depth + 1) }
                default: break
                }
            }
        }
        for root in schemas { walk(root, depth: 0) }
        for op in suite.operations where operations.contains(op.id) {
            for inv in op.successResponse?.invariants ?? [] { add(inv.pointer, CheckKind.invariant.id) }
            if let success = op.successResponse, success.contentType.lowercased().contains("json") {
                add(success.pointer, CheckKind.contentType.id)
            }
            if let pe = op.parameterError {
                for p in op.parameters where p.location == .query && p.probe {
                    add(p.pointer.appending("schema"), CheckKind.status.id,
                        reason: "the parameter's schema has no bound, enum or type a wrong value could break (status \(pe.status) is never due)")
                }
            }
        }
        for c in suite.cases where c.auth == .default {
            for inv in c.expect.invariants { add(inv.pointer, CheckKind.invariant.id) }
        }
        for w in suite.walks {
            for inv in w.pageInvariants { add(inv.pointer, CheckKind.walkPageInvariant.id) }
            for (k, rule) in w.rules.enumerated() {
                let kind = CheckKind.walk(rule).id
                let names = drifts.filter { d in d.expectedCheck == kind && d.rulePointers.contains(w.pointer.appending("checks")) }.map(\.name)
                let pointer = w.pointer.appending("checks").appending(k)
                guard seen.insert(pointer).inserted else { continue }
                out.append(SuiteRule(pointer: pointer, check: kind, drifts: names,
                                     noDriftReason: names.isEmpty ? "the walk names no member this rule reads (total, has-more flag or links)" : nil))
            }
        }
        for cross in suite.crossChecks { add(cross.pointer.appending("agree"), CheckKind.crossAgree.id) }
        if let rejection = suite.auth?.rejection { add(rejection.pointer, CheckKind.status.id) }
        // In the order they are written in the suite file.
        let offsets = Dictionary(out.map { ($0.pointer, suite.file.locations.offset(of: $0.pointer)) }, uniquingKeysWith: { a, _ in a })
        return out.enumerated().sorted { (offsets[$0.element.pointer] ?? 0, $0.offset) < (offsets[$1.element.pointer] ?? 0, $1.offset) }.map(\.element)
    }

    /// A drift's rule pointer covers a rule at the same place, or one inside it (a `$ref`'d parameter schema).
    static func covers(_ driftRule: JSONPointer, _ rule: JSONPointer) -> Bool {
        rule.tokens.starts(with: driftRule.tokens)
    }
}
