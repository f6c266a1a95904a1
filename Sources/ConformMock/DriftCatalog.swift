import Foundation
import ConformCore

/// Every drift a suite allows, derived from the suite's own rules: one per schema rule the mock's responses
/// reach (each required member, enum, `const`, `format`, type), one per pagination rule (totals, echoes,
/// `has_more`, page counts, links, walks), per parameter rule (bounds, enums, types), per filter, sort,
/// search and view a case checks, auth, content type and cross-request agreement. A rule no check could
/// see gets no drift: drifts exist to prove that checks fail.
public enum DriftCatalog {
    /// The drifts of one suite, in a stable order.
    public static func drifts(for suite: Suite) -> [Drift] {
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
        var typedObjects = Set<JSONPointer>()
        let discriminators = discriminatorProperties(suite.file.document)
        let (checkedOperations, checkedLocations) = checked(suite)
        for var site in service.sites where checkedLocations.contains(site.drift.location) {
            let place = readable(site.drift.location)
            // A broken discriminator property fails the oneOf's discriminator before its own keyword.
            let member: String? = {
                if case .dropRequired(_, let m) = site.drift { return m }
                let t = site.drift.location.tokens
                return t.count >= 2 && t[t.count - 2] == "properties" ? t.last : nil
            }()
            if let member, discriminators.contains(member) { site.check = "schema.discriminator" }
            // One type change per object schema (its first plainly typed member) keeps the list readable.
            if case .typeChange(let at) = site.drift {
                let tokens = at.tokens
                guard tokens.count >= 2, tokens[tokens.count - 2] == "properties",
                      typedObjects.insert(JSONPointer(tokens: Array(tokens.dropLast(2)))).inserted else { continue }
            }
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
            let rules = RuleFinder(suite: suite, operation: op)
            if let p = route.profile { paginationDrifts(p, op, rules, suite, add) }
            parameterDrifts(op, suite, add)
            if checkedOperations.contains(op.id), let success = op.successResponse, success.contentType.lowercased().contains("json") {
                add("text-plain:\(op.id)", "\(op.id) answers text/plain instead of \(success.contentType)", "content-type", success.pointer, .textPlain(operation: op.id))
            }
            if route.isGet, let cross = suite.crossChecks.first(where: { $0.fetchOperation == op.id }) {
                add("wrong-object:\(op.id)", "\(op.id) answers an object that disagrees with the listed one", "cross.agree",
                    cross.pointer.appending("agree"), .wrongObject(operation: op.id))
            }
        }
        if let rejection = suite.auth?.rejection {
            add("auth-not-enforced", "requests without a valid credential are served", "status", rejection.pointer, .authNotEnforced)
        }
        for k in out.indices { out[k].rulePointers = allRules(out[k], service: service) }
        return out
    }

    /// The drift's primary rule and every other invariant naming what it changes.
    private static func allRules(_ drift: Drift, service: SuiteService) -> [JSONPointer] {
        var pointers = drift.rulePointers
        func operation(_ e: Drift.Effect) -> String? {
            switch e {
            case .totalTooSmall(let o), .oneTooMany(let o), .wrongPageEcho(let o), .wrongSizeEcho(let o), .hasMoreFlipped(let o),
                 .pagesWrong(let o), .nextLinkMissing(let o), .previousLinkMissing(let o), .duplicateInPage(let o),
                 .timestampsInMilliseconds(let o), .unlinkedIdentifiers(let o): return o
            case .filterIgnored(let o, _), .sortIgnored(let o, _), .searchIgnored(let o, _), .viewIgnored(let o, _): return o
            default: return nil
            }
        }
        guard let id = operation(drift.effect), let route = service.routes.first(where: { $0.operation.id == id }),
              let p = route.profile else { return pointers }
        let rules = RuleFinder(suite: service.suite, operation: route.operation)
        func path(_ r: ListProfile.Role) -> [String] { p.roles[r].map { [$0.joined(separator: ".")] } ?? [] }
        var tokens: [String] = []
        switch drift.effect {
        case .totalTooSmall: tokens = path(.total)
        case .oneTooMany: tokens = ["len(\(p.itemsMember)"]
        case .wrongPageEcho: tokens = path(.pageEcho)
        case .wrongSizeEcho: tokens = path(.sizeEcho)
        case .hasMoreFlipped: tokens = path(.hasMore)
        case .pagesWrong: tokens = path(.pages)
        case .nextLinkMissing: tokens = path(.next)
        case .previousLinkMissing: tokens = path(.previous)
        case .duplicateInPage: tokens = ["unique("]
        case .timestampsInMilliseconds: tokens = timestampMembers(p, service.suite).map { "m.\($0)" }
        case .unlinkedIdentifiers: tokens = linkedObjects(p, service.suite).map { "\($0).id" }
        case .filterIgnored(_, let param), .sortIgnored(_, let param), .searchIgnored(_, let param), .viewIgnored(_, let param):
            pointers += rules.allCaseRules(using: param)
        default: break
        }
        for t in tokens { pointers += rules.allMentioning(t).map(\.0) }
        var seen = Set<JSONPointer>()
        return pointers.filter { seen.insert($0).inserted }
    }

    /// Integer item members holding times (`created_at`, `updated`, `created`).
    static func timestampMembers(_ p: ListProfile, _ suite: Suite) -> [String] {
        let doc = suite.file.document
        guard let view = SchemaView.resolve(p.itemSchema, in: doc) else { return [] }
        return view.propertyPointers.filter { name, pointer in
            let n = name.lowercased()
            return (n.hasSuffix("_at") || n == "created" || n == "updated") && SchemaView.resolve(pointer, in: doc)?.types == ["integer"]
        }.map(\.0)
    }

    /// Item members `X` (objects with an `id`) that have an `X_id` sibling.
    static func linkedObjects(_ p: ListProfile, _ suite: Suite) -> [String] {
        let doc = suite.file.document
        guard let view = SchemaView.resolve(p.itemSchema, in: doc) else { return [] }
        let names = Set(view.propertyPointers.map(\.0))
        return view.propertyPointers.filter { name, pointer in
            names.contains(name + "_id") && SchemaView.resolve(pointer, in: doc)?.propertyPointer("id") != nil
        }.map(\.0)
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

    private static func paginationDrifts(_ p: ListProfile, _ op: ConformCore.Operation, _ rules: RuleFinder, _ suite: Suite, _ add: Add) {
        let id = op.id
        let walk = suite.walks.first { $0.operation == id }
        func walkRule(_ r: Walk.Rule) -> (JSONPointer, String)? {
            guard let w = walk, w.rules.contains(r) else { return nil }
            return (w.pointer.appending("checks"), "walk.\(r.rawValue)")
        }
        func path(_ role: ListProfile.Role) -> String? { p.roles[role]?.joined(separator: ".") }
        if let t = path(.total), let rule = rules.mentioning(t, also: "len(") ?? rules.mentioning(t) ?? walkRule(.unionEqualsTotal) {
            add("total-too-small:\(id)", "\(t) is one less than the items on the page", rule.1, rule.0, .totalTooSmall(operation: id))
        }
        if p.defaultSize != nil, let rule = rules.mentioning("len(\(p.itemsMember))", also: "<=") ?? rules.mentioning("len(\(p.itemsMember))", also: "min(") ?? walkRule(.fullPages) {
            add("one-too-many:\(id)", "a page holds one item more than the page size", rule.1, rule.0, .oneTooMany(operation: id))
        }
        if let e = path(.pageEcho), let rule = rules.mentioning(e) {
            add("wrong-page-echo:\(id)", "\(e) echoes the page asked for plus one", rule.1, rule.0, .wrongPageEcho(operation: id))
        }
        if let e = path(.sizeEcho), let rule = rules.mentioning(e) {
            add("wrong-size-echo:\(id)", "\(e) echoes the page size plus one", rule.1, rule.0, .wrongSizeEcho(operation: id))
        }
        if let h = path(.hasMore), let rule = rules.mentioning(h) ?? walkRule(.hasMoreConsistent) {
            add("has-more-flipped:\(id)", "\(h) says the opposite of whether items are left", rule.1, rule.0, .hasMoreFlipped(operation: id))
        }
        if let n = path(.pages), let rule = rules.mentioning(n) {
            add("pages-wrong:\(id)", "\(n) is one more than the number of pages", rule.1, rule.0, .pagesWrong(operation: id))
        }
        if let n = path(.next), let rule = rules.mentioning(n) ?? walkRule(.linksConsistent) {
            add("next-link-missing:\(id)", "\(n) is missing although a next page exists", rule.1, rule.0, .nextLinkMissing(operation: id))
        }
        if let n = path(.previous), walk?.previous != nil || rules.mentioning(n) != nil,
           let rule = rules.mentioning(n) ?? walkRule(.linksConsistent) {
            add("previous-link-missing:\(id)", "\(n) is missing although a previous page exists", rule.1, rule.0, .previousLinkMissing(operation: id))
        }
        if let rule = walkRule(.noDuplicateIds) {
            add("repeat-item:\(id)", "each page after the first repeats the previous page's last item", rule.1, rule.0, .repeatItem(operation: id))
        }
        if let rule = walkRule(.pastEndEmpty) {
            add("past-end-not-empty:\(id)", "a page past the end repeats the last page", rule.1, rule.0, .pastEndNotEmpty(operation: id))
        }
        if let rule = walkRule(.stableTotal) {
            add("unstable-total:\(id)", "the total grows with the page number", rule.1, rule.0, .unstableTotal(operation: id))
        }
        if let rule = rules.mentioning("unique(") {
            add("duplicate-in-page:\(id)", "a page's last item repeats its first", rule.1, rule.0, .duplicateInPage(operation: id))
        }
        for member in timestampMembers(p, suite) {
            if let rule = rules.mentioning("m.\(member)") ?? rules.mentioning(member, also: "<") {
                add("timestamps-in-ms:\(id)", "integer times of listed items are in milliseconds, not seconds", rule.1, rule.0,
                    .timestampsInMilliseconds(operation: id))
                break
            }
        }
        for object in linkedObjects(p, suite) {
            if let rule = rules.mentioning("\(object).id") {
                add("unlinked-ids:\(id)", "listed items' \(object).id differs from their \(object)_id", rule.1, rule.0, .unlinkedIdentifiers(operation: id))
                break
            }
        }
        let checked: [(String?, (String, String) -> Drift.Effect, String)] = [
            (p.sortParam, Drift.Effect.sortIgnored, "sort-ignored"), (p.searchParam, Drift.Effect.searchIgnored, "search-ignored"),
            (p.viewParam, Drift.Effect.viewIgnored, "view-ignored"), (p.ownerMember == nil ? nil : p.ownerParam, Drift.Effect.viewIgnored, "view-ignored"),
        ] + p.filters.map { ($0, Drift.Effect.filterIgnored, "filter-ignored") }
        for (param, effect, label) in checked {
            guard let param, let rule = rules.caseRule(using: param) else { continue }
            add("\(label):\(id).\(param)", "the \(param) parameter is ignored", rule.1, rule.0, effect(id, param))
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
                add("bound-accepted:\(op.id).\(p.name)", "an out-of-bound \(p.name) is answered 200 instead of \(pe.status)", "status", rule,
                    .boundAccepted(operation: op.id, parameter: p.name))
            }
            if s["enum"] != nil {
                add("enum-param-accepted:\(op.id).\(p.name)", "an unknown \(p.name) value is answered 200 instead of \(pe.status)", "status", rule,
                    .enumParamAccepted(operation: op.id, parameter: p.name))
            } else if view.types.contains(where: { $0 == "integer" || $0 == "number" }), !view.types.contains("string") {
                add("type-param-accepted:\(op.id).\(p.name)", "a non-numeric \(p.name) is answered 200 instead of \(pe.status)", "status", rule,
                    .typeParamAccepted(operation: op.id, parameter: p.name))
            }
        }
    }

    /// Operations whose responses some case or walk checks (status, content type, schema), and the schema
    /// locations their bodies reach: a schema only a cross-check's list call returns is never validated,
    /// so breaking it proves nothing.
    static func checked(_ suite: Suite) -> (Set<String>, Set<JSONPointer>) {
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
        let synth = Synthesizer(document: suite.file.document)
        var trace = SynthesisTrace()
        for pointer in schemas {
            for k in 0..<24 { _ = synth.value(pointer, key: SeededRandom(UInt64(k)).child("survey"), trace: &trace) }
        }
        return (ops, trace.visited)
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
