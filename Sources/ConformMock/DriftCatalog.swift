import Foundation
import ConformCore

/// Every drift a suite allows, derived from the suite's rule model: one per schema keyword instance the
/// mock's responses reach, one per invariant (operation, case and walk page invariants: the counterexample
/// `InvariantBreaker` builds from its parsed tree), one per walk rule, per parameter rule (bounds, enums,
/// types), auth, content type and cross-request agreement. A rule no check could see gets no drift: drifts
/// exist to prove that checks fail.
public enum DriftCatalog {
    /// The drifts of one suite, in a stable order (computed once per process and suite).
    public static func drifts(for suite: Suite) -> [Drift] {
        DatasetCache.shared.remember(suite: suite, key: "drifts") { catalog(of: suite) }
    }

    private static func catalog(of suite: Suite) -> [Drift] {
        let service = SuiteService(suite: suite, seed: 1, models: 57, drift: nil, anyID: false)
        var out: [Drift] = []
        var names = Set<String>()
        func add(_ name: String, _ breaks: String, _ check: String, _ rule: JSONPointer?, _ effect: Drift.Effect) {
            var unique = name
            var n = 2
            while names.contains(unique) { unique = "\(name)#\(n)"; n += 1 }
            names.insert(unique)
            out.append(Drift(name: unique, breaks: breaks, expectedCheck: check, rulePointer: rule, suite: suite.id, effect: effect))
        }
        let discriminators = discriminatorProperties(suite.file.document)
        var computed = Set<JSONPointer>()
        for route in service.routes {
            guard let shape = route.shape else { continue }
            for path in shape.computedPaths where path != shape.itemsPath {
                if let p = SchemaPath.locate(path, from: shape.wrapperSchema, in: suite.file.document)?.member { computed.insert(p) }
            }
        }
        let itemRoots = Set(service.datasets.values.compactMap { SchemaView.resolve($0.itemSchema, in: suite.file.document)?.pointer })
        let (checkedOperations, checkedLocations) = checked(suite)
        for var site in service.sites where checkedLocations.contains(site.drift.location) {
            // A value of another type inside one branch of anyOf/oneOf may still match another branch: no break.
            if case .typeChange(let at) = site.drift, at.tokens.contains(where: { $0 == "anyOf" || $0 == "oneOf" }) { continue }
            // Only asserted formats can be broken: annotations (standard or the suite's own) are never checked.
            if case .formatBreak(let at) = site.drift,
               !FormatChecker.isKnown(SchemaView.resolve(at, in: suite.file.document)?.schema["format"]?.stringValue ?? "") { continue }
            // A keyword merged in from an `allOf` part (or a `$ref`) is named where it is written.
            if site.rulePointer.resolve(in: suite.file.document) == nil {
                guard let keyword = site.rulePointer.tokens.last,
                      let written = SchemaView.keywordPointer(keyword, in: site.drift.location, document: suite.file.document) else { continue }
                site.rulePointer = written
            }
            // The catalog holds objects: an item that is not one is not something the dataset can serve.
            if case .typeChange(let at) = site.drift, itemRoots.contains(at) { continue }
            // Type changes of object members: a whole body or item of another type, or a map's values, shows as
            // another keyword first; a member the paging computes (links, cursor, totals) is never served drifted.
            if case .typeChange(let at) = site.drift {
                let tokens = at.tokens
                guard tokens.count >= 2, tokens[tokens.count - 2] == "properties", !computed.contains(at) else { continue }
            }
            let place = readable(site.drift.location)
            // A broken discriminator property fails the oneOf's discriminator before its own keyword.
            let member: String? = {
                if case .dropRequired(_, let m) = site.drift { return m }
                let t = site.drift.location.tokens
                return t.count >= 2 && t[t.count - 2] == "properties" ? t.last : nil
            }()
            if let member, discriminators.contains(member) { site.check = "schema.discriminator" }
            switch site.drift {
            case .dropRequired(_, let member):
                add("drop-required:\(place).\(member)", "\(place) objects lack the required member '\(member)'", site.check, site.rulePointer, .schema(site.drift))
            case .enumOutside:
                add("enum:\(place)", "\(place) holds a value outside its enum", site.check, site.rulePointer, .schema(site.drift))
            case .typeChange:
                add("type:\(place)", "\(place) has a JSON type its schema does not allow", site.check, site.rulePointer, .schema(site.drift))
            case .formatBreak:
                add("format:\(place)", "\(place) breaks its format", site.check, site.rulePointer, .schema(site.drift))
            case .constBreak:
                add("const:\(place)", "\(place) differs from its const", site.check, site.rulePointer, .schema(site.drift))
            case .patternMismatch:
                add("pattern:\(place)", "\(place) is a string its pattern does not match", site.check, site.rulePointer, .schema(site.drift))
            case .tooShort:
                add("minLength:\(place)", "\(place) is one character shorter than its minLength", site.check, site.rulePointer, .schema(site.drift))
            case .tooLong:
                add("maxLength:\(place)", "\(place) is one character longer than its maxLength", site.check, site.rulePointer, .schema(site.drift))
            case .belowMinimum:
                add("minimum:\(place)", "\(place) is below its minimum", site.check, site.rulePointer, .schema(site.drift))
            case .aboveMaximum:
                add("maximum:\(place)", "\(place) is above its maximum", site.check, site.rulePointer, .schema(site.drift))
            case .atExclusiveMinimum:
                add("exclusiveMinimum:\(place)", "\(place) is not above its exclusiveMinimum", site.check, site.rulePointer, .schema(site.drift))
            case .atExclusiveMaximum:
                add("exclusiveMaximum:\(place)", "\(place) is not below its exclusiveMaximum", site.check, site.rulePointer, .schema(site.drift))
            case .notMultiple:
                add("multipleOf:\(place)", "\(place) is not a multiple of its multipleOf", site.check, site.rulePointer, .schema(site.drift))
            case .tooFewItems:
                add("minItems:\(place)", "\(place) has one item fewer than its minItems", site.check, site.rulePointer, .schema(site.drift))
            case .tooManyItems:
                add("maxItems:\(place)", "\(place) has one item more than its maxItems", site.check, site.rulePointer, .schema(site.drift))
            case .duplicateItem:
                add("uniqueItems:\(place)", "\(place) repeats an item although its items must be unique", site.check, site.rulePointer, .schema(site.drift))
            case .missingContained:
                add("contains:\(place)", "\(place) has too few items matching its contains", site.check, site.rulePointer, .schema(site.drift))
            case .tooManyContained:
                add("maxContains:\(place)", "\(place) has one item more than its maxContains matching its contains", site.check, site.rulePointer,
                    .schema(site.drift))
            case .extraMember:
                add("additionalProperties:\(place)", "\(place) objects carry a member their schema does not declare", site.check, site.rulePointer,
                    .schema(site.drift))
            case .dropDependent(_, let member):
                add("dependentRequired:\(place).\(member)", "\(place) objects lack '\(member)', which another member they carry requires",
                    site.check, site.rulePointer, .schema(site.drift))
            case .tooFewMembers:
                add("minProperties:\(place)", "\(place) objects have one member fewer than their minProperties", site.check, site.rulePointer,
                    .schema(site.drift))
            case .tooManyMembers:
                add("maxProperties:\(place)", "\(place) objects have one member more than their maxProperties", site.check, site.rulePointer,
                    .schema(site.drift))
            }
        }
        for route in service.routes {
            let op = route.operation
            if let shape = route.shape, let walk = shape.walk { walkDrifts(walk, shape, add) }
            parameterDrifts(op, suite, add)
            if checkedOperations.contains(op.id), let success = op.successResponse, success.contentType.lowercased().contains("json") {
                add("text-plain:\(op.id)", "\(op.id) answers text/plain instead of \(success.contentType)", CheckKind.contentType.id, success.pointer,
                    .textPlain(operation: op.id))
            }
            if route.isGet, let cross = suite.crossChecks.first(where: { $0.fetchOperation == op.id }) {
                add("wrong-object:\(op.id)", "\(op.id) answers an object that disagrees with the listed one", CheckKind.crossAgree.id,
                    cross.pointer.appending("agree"), .wrongObject(operation: op.id))
            }
        }
        invariantDrifts(suite, checkedOperations, add)
        if let rejection = suite.auth?.rejection {
            add("auth-not-enforced", "requests without a valid credential are served", CheckKind.status.id, rejection.pointer, .authNotEnforced)
        }
        return out
    }

    /// The drift with this name in the first suite that has it; `SUITE/NAME` picks the suite.
    public static func drift(named name: String, in suites: [Suite]) -> Drift? {
        if let slash = name.firstIndex(of: "/"), let suite = suites.first(where: { $0.id == name[..<slash] }) {
            let bare = String(name[name.index(after: slash)...])
            return drifts(for: suite).first { $0.name == bare }
        }
        for s in suites { if let d = drifts(for: s).first(where: { $0.name == name }) { return d } }
        return nil
    }

    typealias Add = (String, String, String, JSONPointer?, Drift.Effect) -> Void

    /// One drift per rule a walk checks: the page-level change that breaks exactly that rule.
    private static func walkDrifts(_ walk: Walk, _ shape: ListShape, _ add: Add) {
        let id = walk.operation
        let rule = walk.pointer.appending("checks")
        for r in walk.rules {
            let kind = CheckKind.walk(r).id
            switch r {
            case .noDuplicateIds:
                add("repeat-item:\(id)", "each page after the first repeats the previous page's last item", kind, rule, .repeatItem(operation: id))
            case .pastEndEmpty:
                add("past-end-not-empty:\(id)", "a page past the end repeats the last page", kind, rule, .pastEndNotEmpty(operation: id))
            case .stableTotal where shape.totalPath != nil:
                add("unstable-total:\(id)", "the total grows with the page number", kind, rule, .unstableTotal(operation: id))
            case .unionEqualsTotal where shape.totalPath != nil:
                add("total-too-small:\(id)", "the total is one less than the items the pages hold", kind, rule, .totalTooSmall(operation: id))
            case .fullPages:
                add("one-too-many:\(id)", "a page holds one item more than the page size", kind, rule, .oneTooMany(operation: id))
            case .hasMoreConsistent where shape.hasMorePath != nil:
                add("has-more-flipped:\(id)", "the has-more flag says the opposite of whether items are left", kind, rule, .hasMoreFlipped(operation: id))
            case .linksConsistent:
                // A link walk that knows no total or has-more flag cannot tell a missing next link from the end.
                let endKnown = walk.style != .link || shape.totalPath != nil || shape.hasMorePath != nil
                if shape.nextPath != nil, endKnown { add("next-link-missing:\(id)", "the next link is missing although a next page exists", kind, rule, .nextLinkMissing(operation: id)) }
                if shape.previousPath != nil {
                    add("previous-link-missing:\(id)", "the previous link is missing although a previous page exists", kind, rule, .previousLinkMissing(operation: id))
                }
            default:
                break
            }
        }
    }

    /// One drift per invariant a checked answer carries: the operation's success invariants, each case's,
    /// each walk's page invariants. Named by where the rule lives, so names survive edits of its text.
    private static func invariantDrifts(_ suite: Suite, _ checkedOperations: Set<String>, _ add: Add) {
        for op in suite.operations where checkedOperations.contains(op.id) {
            for (k, inv) in (op.successResponse?.invariants ?? []).enumerated() {
                add("invariant:\(op.id).\(k + 1)", "\(inv.name) is made false", CheckKind.invariant.id, inv.pointer, .invariant(inv.pointer))
            }
        }
        let success = Dictionary(suite.operations.map { ($0.id, $0.successResponse?.status ?? 200) }, uniquingKeysWith: { a, _ in a })
        for c in suite.cases where c.auth == .default && c.expect.statuses.contains(success[c.operation] ?? 200) {
            for (k, inv) in c.expect.invariants.enumerated() {
                add("invariant:\(c.id).\(k + 1)", "\(inv.name) is made false", CheckKind.invariant.id, inv.pointer, .invariant(inv.pointer))
            }
        }
        for w in suite.walks {
            for (k, inv) in w.pageInvariants.enumerated() {
                add("page-invariant:\(w.id).\(k + 1)", "\(inv.name) is made false on every page", CheckKind.walkPageInvariant.id, inv.pointer,
                    .invariant(inv.pointer))
            }
        }
    }

    private static func parameterDrifts(_ op: ConformCore.Operation, _ suite: Suite, _ add: Add) {
        guard let pe = op.parameterError else { return }
        let doc = suite.file.document
        for p in op.parameters where p.location == .query && p.probe {
            guard var view = SchemaView.resolve(p.schemaPointer, in: doc) else { continue }
            if view.types == ["array"], let items = SchemaView.resolve(view.pointer.appending("items"), in: doc) { view = items }
            let s = view.schema
            let rule = p.pointer.appending("schema")
            if ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"].contains(where: { s[$0] != nil }) {
                add("bound-accepted:\(op.id).\(p.name)", "an out-of-bound \(p.name) is answered 200 instead of \(pe.status)", CheckKind.status.id, rule,
                    .boundAccepted(operation: op.id, parameter: p.name))
            }
            if s["enum"] != nil {
                add("enum-param-accepted:\(op.id).\(p.name)", "an unknown \(p.name) value is answered 200 instead of \(pe.status)", CheckKind.status.id, rule,
                    .enumParamAccepted(operation: op.id, parameter: p.name))
            } else if view.types.contains(where: { $0 == "integer" || $0 == "number" }), !view.types.contains("string") {
                add("type-param-accepted:\(op.id).\(p.name)", "a non-numeric \(p.name) is answered 200 instead of \(pe.status)", CheckKind.status.id, rule,
                    .typeParamAccepted(operation: op.id, parameter: p.name))
            }
        }
    }

    /// Operations whose responses some case or walk checks (status, content type, schema), and the schema
    /// locations their bodies reach: a schema only a cross-check's list call returns is never validated,
    /// so breaking it proves nothing.
    static func checked(_ suite: Suite) -> (Set<String>, Set<JSONPointer>) {
        DatasetCache.shared.remember(suite: suite, key: "checked") { survey(suite) }
    }

    private static func survey(_ suite: Suite) -> (Set<String>, Set<JSONPointer>) {
        let (ops, schemas) = checkedSchemas(suite)
        let synth = Synthesizer(document: suite.file.document)
        var trace = SynthesisTrace()
        for pointer in schemas {
            for k in 0..<24 { _ = synth.value(pointer, key: SeededRandom(UInt64(k)).child("survey"), trace: &trace) }
        }
        return (ops, trace.visited)
    }

    /// Operations whose answers some case, walk or cross-check checks, and the schemas those answers are
    /// validated against.
    static func checkedSchemas(_ suite: Suite) -> (operations: Set<String>, schemas: [JSONPointer]) {
        let plan = SuitePlan(suite: suite)
        var ops = Set(plan.cases.map(\.operation))
        ops.formUnion(plan.walks.map(\.operation))
        ops.formUnion(plan.crossChecks.map(\.fetchOperation))
        var schemas: [JSONPointer] = plan.cases.compactMap(\.expect.schemaPointer)
        for id in ops {
            guard let op = suite.operation(id) else { continue }
            schemas += op.responses.compactMap(\.schemaPointer)
            if let e = op.parameterError?.schemaPointer { schemas.append(e) }
        }
        if let r = suite.auth?.rejection?.schemaPointer { schemas.append(r) }
        return (ops, schemas)
    }

    /// Every `discriminator.propertyName` in the document.
    static func discriminatorProperties(_ value: JSONValue) -> Set<String> {
        switch value {
        case .object(let o):
            var out = Set<String>()
            if let name = o["discriminator"]?["propertyName"]?.stringValue { out.insert(name) }
            for v in o.values { out.formUnion(discriminatorProperties(v)) }
            return out
        case .array(let a): return a.reduce(into: Set<String>()) { $0.formUnion(discriminatorProperties($1)) }
        default: return []
        }
    }

    /// `/definitions/InferenceModel/properties/created_at` → `InferenceModel.created_at`.
    static func readable(_ p: JSONPointer) -> String {
        let skip: Set<String> = ["definitions", "$defs", "properties", "components", "schemas"]
        let parts = p.tokens.filter { !skip.contains($0) }
        return parts.isEmpty ? "root" : parts.joined(separator: ".")
    }
}
