import Foundation
import ConformCore

/// Builds JSON values that are valid by construction against the JSON Schemas of a suite document:
/// `$ref`, `allOf` (merged), `anyOf`/`oneOf` (one branch, deterministically, honouring `discriminator`;
/// for `oneOf` exactly one), `if`/`then`/`else`, `not`, `enum`, `const`, `type` lists and `nullable`,
/// every asserted `format`, `pattern` (generated from the regex), lengths, numeric bounds and `multipleOf`,
/// item and member counts, `uniqueItems`, `prefixItems`, `contains`, `additionalProperties`,
/// `patternProperties`, `propertyNames`, `dependentRequired`, `dependentSchemas`. Keywords that combine
/// (`oneOf`, `not`, `if`, `dependentSchemas`, `contains`) are settled with the suite's validator as the
/// oracle. Values depend only on the `SeededRandom` key, so the same key yields the same value. An armed
/// `SchemaDrift` breaks its one rule wherever its schema location is met.
struct Synthesizer {
    let document: JSONValue
    var drift: SchemaDrift?
    var armed = false
    let oracle: SynthesisOracle
    /// Which of the oracle's attempts this is: `oneOf`/`anyOf` start their branch choice that many further on.
    var attempt = 0

    /// `validator` should be the suite's (`SuiteFile.makeSchemaValidator()`); without one, a validator of
    /// `document` alone is built the first time a keyword needs the oracle.
    init(document: JSONValue, drift: SchemaDrift? = nil, validator: SchemaValidator? = nil) {
        self.document = document
        self.drift = drift
        self.oracle = SynthesisOracle(document: document, validator: validator)
    }

    /// A value for the schema at `pointer`. `member` is the object member being filled (for realistic
    /// strings); `force` names members of this object to include even when optional.
    func value(_ pointer: JSONPointer, key: SeededRandom, member: String? = nil, force: Set<String> = [],
               skip: Set<String> = [], depth: Int = 0, trace: inout SynthesisTrace) -> JSONValue {
        guard depth < 24, let view = SchemaView.resolve(pointer, in: document) else { return .null }
        return value(view, key: key, member: member, force: force, skip: skip, depth: depth, trace: &trace)
    }

    /// A value for a resolved (possibly merged) schema.
    func value(_ view: SchemaView, key: SeededRandom, member: String? = nil, force: Set<String> = [],
               skip: Set<String> = [], depth: Int = 0, trace: inout SynthesisTrace) -> JSONValue {
        guard depth < 24 else { return .null }
        trace.visited.insert(view.pointer)
        let s = view.schema
        if let c = s["const"] {
            if site(.constBreak(at: view.pointer), "const", view, trace: &trace) { return Self.breakConst(c) }
            return c
        }
        if case .array(let options)? = s["enum"], !options.isEmpty {
            if site(.enumOutside(at: view.pointer), "enum", view, trace: &trace) { return Self.outside(options) }
            let usable = options.filter { !$0.isNull }
            let pool = usable.isEmpty ? options : usable
            return pool[key.below(pool.count)]
        }
        guard Self.needsOracle(s) else { return plain(view, key: key, member: member, force: force, skip: skip, depth: depth, trace: &trace) }
        return settled(view, key: key, trace: &trace) { synth, k, t in
            synth.plain(view, key: k, member: member, force: force, skip: skip, depth: depth, trace: &t)
        }
    }

    /// Keywords whose combination a construction alone cannot promise: the value is checked by the oracle.
    static func needsOracle(_ s: JSONObject) -> Bool {
        if case .array(let b)? = s["oneOf"], b.count > 1 { return true }
        return s["not"] != nil || s["if"] != nil || s["dependentSchemas"] != nil || s["contains"] != nil
    }

    /// The first of a few attempts (other keys) the validator accepts; the attempt is chosen unarmed, so
    /// an armed run breaks the same value the conforming run serves, and only traces the chosen attempt.
    func settled(_ view: SchemaView, key: SeededRandom, trace: inout SynthesisTrace,
                 _ make: (Synthesizer, SeededRandom, inout SynthesisTrace) -> JSONValue) -> JSONValue {
        let validator = oracle.validator
        // With branches to choose, the first attempts keep the key and move the choice on (`attempt`); later
        // ones (all, without branches) change the key.
        let branching = ["oneOf", "anyOf", "if"].contains { view.schema[$0] != nil }
        func attemptKey(_ k: Int) -> SeededRandom { k == 0 || (branching && k < 4) ? key : key.child("attempt-\(k)") }
        var calm = self
        calm.armed = false
        var chosen = 0
        for k in 0..<12 {
            var scratch = trace
            calm.attempt = k
            let v = make(calm, attemptKey(k), &scratch)
            if validator.isValid(v, schemaAt: view.pointer) {
                if !armed { trace = scratch; return v }
                chosen = k
                break
            }
        }
        var final = self
        final.attempt = chosen
        return make(final, attemptKey(chosen), &trace)
    }

    /// A value from the schema's own keywords (applicators `oneOf`/`anyOf`/`if` first).
    func plain(_ view: SchemaView, key: SeededRandom, member: String?, force: Set<String>, skip: Set<String>, depth: Int,
               trace: inout SynthesisTrace) -> JSONValue {
        let s = view.schema
        for keyword in ["oneOf", "anyOf"] {
            if case .array(let branches)? = s[keyword], !branches.isEmpty {
                return branch(view, keyword: keyword, count: branches.count, key: key, member: member, force: force, depth: depth, trace: &trace)
            }
        }
        if s["if"] != nil, s["then"] != nil || s["else"] != nil {
            return conditional(view, key: key, member: member, force: force, skip: skip, depth: depth, trace: &trace)
        }
        let types = view.types
        let type = types.isEmpty ? Self.impliedType(s) : types[key.child("type").below(types.count)]
        var result: JSONValue
        switch type {
        case "object": result = object(view, key: key, force: force, skip: skip, depth: depth, trace: &trace)
        case "array": result = array(view, key: key, member: member, depth: depth, trace: &trace)
        case "string": result = string(view, key: key, member: member, trace: &trace)
        case "integer": result = number(view, key: key, member: member, integer: true, trace: &trace)
        case "number": result = number(view, key: key, member: member, integer: false, trace: &trace)
        case "boolean": result = .bool(key.chance(50))
        case "null": result = .null
        default: result = .string(Self.word(member ?? "value", key))
        }
        if types.count == 1, ["string", "integer", "number", "boolean", "object", "array"].contains(type), s["format"] == nil,
           site(.typeChange(at: view.pointer), "type", view, trace: &trace) {
            result = Self.otherType(type)
        }
        return result
    }

    /// `if`/`then`/`else`: the value is built from the schema with the `then` (and `if`) or the `else` part
    /// merged in; which one is tried first depends on the key, the oracle settles it.
    private func conditional(_ view: SchemaView, key: SeededRandom, member: String?, force: Set<String>, skip: Set<String>,
                             depth: Int, trace: inout SynthesisTrace) -> JSONValue {
        var base = view
        for k in ["if", "then", "else"] { base.schema[k] = nil }
        var options: [SchemaView] = []
        for parts in [["if", "then"], ["else"]] {
            var merged = base
            var any = false
            for part in parts {
                guard view.schema[part] != nil, let p = SchemaView.resolve(view.pointer.appending(part), in: document) else { continue }
                merged.merge(p)
                any = any || part != "if"
            }
            if any || parts == ["else"] { options.append(merged) }
        }
        let first = (key.child("if").below(options.count) + attempt) % options.count
        return value(options[first], key: key, member: member, force: force, skip: skip, depth: depth + 1, trace: &trace)
    }

    private func branch(_ view: SchemaView, keyword: String, count: Int, key: SeededRandom, member: String?, force: Set<String>,
                        depth: Int, trace: inout SynthesisTrace) -> JSONValue {
        var index = (key.child(keyword).below(count) + attempt) % count
        let branchPointer = { (k: Int) in view.pointer.appending(keyword).appending(k) }
        // Prefer a branch that is not just `null`.
        for step in 0..<count {
            let k = (index + step) % count
            if SchemaView.resolve(branchPointer(k), in: document)?.types != ["null"] { index = k; break }
        }
        var result = value(branchPointer(index), key: key, member: member, force: force, depth: depth + 1, trace: &trace)
        // OpenAPI discriminator: name the chosen branch in its property.
        if case .object(let d)? = view.schema["discriminator"], let property = d["propertyName"]?.stringValue,
           case .object(var o) = result,
           !(armed && SchemaPath.isTouched([property], from: branchPointer(index), in: document, by: drift)) {
            let ref = branchPointer(index).resolve(in: document)?["$ref"]?.stringValue
            if let mapping = d["mapping"]?.objectValue, let ref,
               let name = zip(mapping.keys, mapping.values).first(where: { $0.1.stringValue == ref })?.0 {
                o[property] = .string(name)
            } else if o[property] == nil, let ref, let last = ref.split(separator: "/").last {
                o[property] = .string(String(last))
            }
            result = .object(o)
        }
        // The members of the surrounding schema (properties beside oneOf) still apply.
        if view.schema["properties"] != nil, case .object(let inner) = result,
           case .object(let outer) = object(view, key: key, force: force, depth: depth, trace: &trace) {
            var merged = outer
            for (k, v) in zip(inner.keys, inner.values) { merged[k] = v }
            result = .object(merged)
        }
        return result
    }

    static func impliedType(_ s: JSONObject) -> String {
        let objectKeys = ["properties", "additionalProperties", "required", "patternProperties", "minProperties", "maxProperties",
                          "propertyNames", "dependentRequired", "dependentSchemas"]
        if objectKeys.contains(where: { s[$0] != nil }) { return "object" }
        if ["items", "prefixItems", "contains", "minItems", "maxItems", "uniqueItems"].contains(where: { s[$0] != nil }) { return "array" }
        if ["format", "pattern", "minLength", "maxLength"].contains(where: { s[$0] != nil }) { return "string" }
        if s["multipleOf"]?.numberValue.map({ !$0.isInteger }) == true { return "number" }
        if ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"].contains(where: { s[$0] != nil }) { return "integer" }
        return "string"
    }

    static func singular(_ name: String) -> String { name.hasSuffix("s") ? String(name.dropLast()) : name }
}

/// The validator the synthesizer asks when keywords combine: the one given, else one per document shared by
/// every synthesizer of the process (the mock makes a synthesizer per request; compiling per request would
/// dominate), made on first use.
final class SynthesisOracle: @unchecked Sendable {
    private let lock = NSLock()
    private let document: JSONValue
    private var made: SchemaValidator?

    private static let sharedLock = NSLock()
    /// By the address of the document's member storage (arrays share it on copy), with the document kept
    /// alive beside its validator so the address cannot be reused: hashing a whole suite per request costs
    /// more than the synthesis.
    nonisolated(unsafe) private static var shared: [UInt: (JSONValue, SchemaValidator)] = [:]

    init(document: JSONValue, validator: SchemaValidator?) {
        self.document = document
        self.made = validator
    }

    var validator: SchemaValidator {
        lock.lock(); defer { lock.unlock() }
        if let made { return made }
        let v = Self.validator(for: document)
        made = v
        return v
    }

    private static func validator(for document: JSONValue) -> SchemaValidator {
        guard case .object(let o) = document, !o.values.isEmpty else { return SchemaValidator(document: document, uri: "urn:conform:synthesis") }
        let address = o.values.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        sharedLock.lock(); defer { sharedLock.unlock() }
        if let (_, v) = shared[address] { return v }
        // A handful of suites per process; a bound keeps a long-lived mock from growing.
        if shared.count >= 32 { shared.removeAll() }
        let v = SchemaValidator(document: document, uri: "urn:conform:synthesis")
        shared[address] = (document, v)
        return v
    }
}
