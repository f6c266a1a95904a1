/// Decodes one schema object's keywords into its `SchemaNode`, building subschemas and resolving `$ref`s.
struct SchemaCompiler {
    let validator: SchemaValidator
    let node: SchemaNode
    let object: JSONObject
    /// Vocabularies the meta-schema declares; keywords of other vocabularies are annotations. Nil: all apply.
    let vocabularies: Set<String>?

    /// Keyword → the 2020-12 vocabulary that defines it, for the three whose keywords a meta-schema may turn off
    /// (from `SchemaKeyword`, the one keyword list).
    static let vocabularyOfKeyword: [String: String] = {
        var map: [String: String] = [:]
        for (name, keywords) in SchemaKeyword.vocabularies where ["validation", "applicator", "unevaluated"].contains(name) {
            for (k, _) in keywords { map[k] = name }
        }
        return map
    }()

    private static let vocabularyPrefix = "https://json-schema.org/draft/2020-12/vocab/"

    private func applies(_ key: String) -> Bool {
        guard let vocabularies, let vocabulary = Self.vocabularyOfKeyword[key] else { return true }
        return vocabularies.contains(Self.vocabularyPrefix + vocabulary)
    }

    /// Formats assert when the validator says so, or when the meta-schema declares format-assertion.
    private var assertsFormats: Bool {
        validator.assertFormats || vocabularies?.contains(Self.vocabularyPrefix + "format-assertion") == true
    }

    private var documentURI: String { validator.documentURIs[node.document] }

    func fill() {
        for (key, value) in zip(object.keys, object.values) where applies(key) { keyword(key, value) }
        if let condition = object["if"], isSchema(condition), applies("if") {
            node.ifNode = sub("if")
            if object["then"] != nil { node.thenNode = sub("then") }
            if object["else"] != nil { node.elseNode = sub("else") }
        }
        // Without oneOf/anyOf a discriminator only documents inheritance (a base schema under allOf);
        // following its mapping there would validate a subtype against itself, so it stays an annotation.
        if let d = object["discriminator"], !(node.oneOf.isEmpty && node.anyOf.isEmpty) { discriminator(d) }
        let n = node
        n.hasNumberKeywords = n.minimum != nil || n.maximum != nil || n.exclusiveMinimum != nil || n.exclusiveMaximum != nil || n.multipleOf != nil
        n.hasStringKeywords = n.minLength != nil || n.maxLength != nil || n.pattern != nil || n.format != nil
        n.hasArrayKeywords = n.minItems != nil || n.maxItems != nil || n.uniqueItems || !n.prefixItems.isEmpty || n.items != nil
            || n.contains != nil || n.unevaluatedItems != nil
        n.hasObjectKeywords = !n.propertyList.isEmpty || !n.patternProperties.isEmpty || n.additionalProperties != nil
            || n.unevaluatedProperties != nil || !n.required.isEmpty || !n.dependentRequired.isEmpty || !n.dependentSchemas.isEmpty
            || n.propertyNames != nil || n.minProperties != nil || n.maxProperties != nil
        n.propertyNamesDistinct = n.propertyIndex.count == n.propertyList.count
        n.propertyNameLengths = n.propertyList.map { $0.name.utf8.count }
        n.hasApplicators = !n.allOf.isEmpty || !n.anyOf.isEmpty || !n.oneOf.isEmpty || n.not != nil || n.ifNode != nil
            || n.ref != nil || n.dynamicRef != nil || !n.unresolved.isEmpty
        n.onlyType = n.types != nil && !n.nullable && n.ref == nil && n.enumValues == nil && n.constValue == nil
            && !n.hasNumberKeywords && !n.hasStringKeywords && !n.hasArrayKeywords && !n.hasObjectKeywords
            && !n.hasApplicators && n.discriminator == nil
        n.onlyRef = n.ref != nil && !n.nullable && n.types == nil && n.enumValues == nil && n.constValue == nil
            && !n.hasNumberKeywords && !n.hasStringKeywords && !n.hasArrayKeywords && !n.hasObjectKeywords
            && n.allOf.isEmpty && n.anyOf.isEmpty && n.oneOf.isEmpty && n.not == nil && n.ifNode == nil
            && n.dynamicRef == nil && n.unresolved.isEmpty && n.discriminator == nil
    }

    // swiftlint:disable:next cyclomatic_complexity
    private func keyword(_ key: String, _ value: JSONValue) {
        switch key {
        case "type": types(value)
        case "nullable": node.nullable = value.boolValue ?? false
        case "enum":
            guard case .array(let a) = value else { return problem(key, "enum must be an array") }
            node.enumValues = a
            let strings = a.compactMap(\.stringValue)
            if strings.count == a.count { node.enumStrings = Set(strings); node.enumTexts = strings }
        case "const": node.constValue = value
        case "minimum": node.minimum = number(key, value)
        case "maximum": node.maximum = number(key, value)
        case "exclusiveMinimum":
            if case .bool(let b) = value { node.minimumIsExclusive = b } else { node.exclusiveMinimum = number(key, value) }
        case "exclusiveMaximum":
            if case .bool(let b) = value { node.maximumIsExclusive = b } else { node.exclusiveMaximum = number(key, value) }
        case "multipleOf":
            guard let n = number(key, value) else { return }
            guard JSONNumber(0) < n else { return problem(key, "multipleOf must be greater than 0") }
            node.multipleOf = n
        case "minLength": node.minLength = count(key, value)
        case "maxLength": node.maxLength = count(key, value)
        case "pattern":
            guard case .string(let s) = value else { return problem(key, "pattern must be a string") }
            guard let p = SchemaPattern(s) else { return problem(key, "pattern is not a valid regular expression: \(s)") }
            node.pattern = p
        case "format":
            guard case .string(let s) = value else { return problem(key, "format must be a string") }
            if assertsFormats && FormatChecker.isKnown(s) { node.format = s }
        case "minItems": node.minItems = count(key, value)
        case "maxItems": node.maxItems = count(key, value)
        case "uniqueItems": node.uniqueItems = value.boolValue ?? false
        case "items":
            guard isSchema(value) else { return problem(key, "items must be a schema (2020-12 uses prefixItems for tuples)") }
            node.items = sub(key)
        case "prefixItems": node.prefixItems = schemaList(key, value)
        case "contains": if isSchema(value) { node.contains = sub(key) } else { problem(key, "contains must be a schema") }
        case "minContains": node.minContains = count(key, value)
        case "maxContains": node.maxContains = count(key, value)
        case "unevaluatedItems": if isSchema(value) { node.unevaluatedItems = sub(key) } else { problem(key, "unevaluatedItems must be a schema") }
        case "properties":
            guard case .object(let o) = value else { return problem(key, "properties must be an object") }
            // Built aside and stored once: a class property modified across a call that compiles subschemas
            // keeps dynamic exclusivity checks on every read of it during validation.
            var list = node.propertyList, index = node.propertyIndex
            for name in o.keys {
                let child = sub(key, name)
                index[name] = list.count
                list.append((name, child))
            }
            node.propertyList = list; node.propertyIndex = index
        case "patternProperties":
            guard case .object(let o) = value else { return problem(key, "patternProperties must be an object") }
            var list = node.patternProperties
            for name in o.keys {
                guard let p = SchemaPattern(name) else { problem(key, "not a valid regular expression: \(name)"); continue }
                list.append((p, sub(key, name)))
            }
            node.patternProperties = list
        case "additionalProperties":
            if isSchema(value) { node.additionalProperties = sub(key) } else { problem(key, "additionalProperties must be a schema") }
        case "unevaluatedProperties":
            if isSchema(value) { node.unevaluatedProperties = sub(key) } else { problem(key, "unevaluatedProperties must be a schema") }
        case "propertyNames": if isSchema(value) { node.propertyNames = sub(key) } else { problem(key, "propertyNames must be a schema") }
        case "required": node.required = strings(key, value)
        case "dependentRequired":
            guard case .object(let o) = value else { return problem(key, "dependentRequired must be an object") }
            node.dependentRequired = zip(o.keys, o.values).map { ($0, strings(key, $1)) }
        case "dependentSchemas":
            guard case .object(let o) = value else { return problem(key, "dependentSchemas must be an object") }
            node.dependentSchemas = o.keys.map { ($0, sub(key, $0)) }
        case "minProperties": node.minProperties = count(key, value)
        case "maxProperties": node.maxProperties = count(key, value)
        case "allOf": node.allOf = schemaList(key, value)
        case "anyOf": node.anyOf = schemaList(key, value)
        case "oneOf": node.oneOf = schemaList(key, value)
        case "not": if isSchema(value) { node.not = sub(key) } else { problem(key, "not must be a schema") }
        case "$ref":
            guard case .string(let ref) = value else { return problem(key, "$ref must be a string") }
            node.ref = reference(key, ref)
        case "$dynamicRef":
            guard case .string(let ref) = value else { return problem(key, "$dynamicRef must be a string") }
            dynamicReference(ref)
        default: break
        }
    }

    private func types(_ value: JSONValue) {
        let names: [JSONValue]
        switch value {
        case .string: names = [value]
        case .array(let a): names = a
        default: return problem("type", "type must be a string or an array of strings")
        }
        var set: SchemaTypes = []
        for name in names {
            guard let s = name.stringValue, let t = SchemaTypes(name: s) else {
                problem("type", "unknown type \(name.compactText(limit: 40)); expected one of null, boolean, object, array, number, string, integer")
                continue
            }
            set.insert(t)
        }
        node.types = set
    }

    func sub(_ tokens: String...) -> SchemaNode {
        var p = node.pointer
        for t in tokens { p = p.appending(t) }
        return validator.build(SchemaResourceIndex.Location(document: node.document, pointer: p))
    }

    private func schemaList(_ key: String, _ value: JSONValue) -> [SchemaNode] {
        guard case .array(let a) = value, !a.isEmpty else { problem(key, "\(key) must be a non-empty array of schemas"); return [] }
        return a.indices.map { sub(key, String($0)) }
    }

    private func isSchema(_ value: JSONValue) -> Bool {
        switch value { case .object, .bool: return true; default: return false }
    }

    private func number(_ key: String, _ value: JSONValue) -> JSONNumber? {
        guard case .number(let n) = value else { problem(key, "\(key) must be a number"); return nil }
        return n
    }

    private func count(_ key: String, _ value: JSONValue) -> Int? {
        guard case .number(let n) = value, n.isInteger, let i = n.int64Value, i >= 0 else {
            problem(key, "\(key) must be a non-negative integer"); return nil
        }
        return Int(clamping: i)
    }

    private func strings(_ key: String, _ value: JSONValue) -> [String] {
        guard case .array(let a) = value else { problem(key, "\(key) must be an array of strings"); return [] }
        let s = a.compactMap(\.stringValue)
        if s.count != a.count { problem(key, "\(key) must be an array of strings") }
        return s
    }

    func problem(_ key: String, _ message: String) {
        node.problems.append(SchemaCompileError(message: message, documentURI: documentURI, pointer: node.pointer.appending(key)))
    }

    /// The node a reference names, or nil after recording why it does not resolve.
    func reference(_ key: String, _ ref: String) -> SchemaNode? {
        switch validator.resolve(ref, base: node.base) {
        case .found(let location): return validator.build(location)
        case .missing(let why):
            let message = "unresolved \(key) \"\(ref)\": \(why)"
            node.unresolved.append((key, message))
            problem(key, message)
            return nil
        }
    }

    private func dynamicReference(_ ref: String) {
        guard let target = reference("$dynamicRef", ref) else { return }
        node.dynamicRef = target
        let fragment = URIReference.splitFragment(ref).fragment
        guard !fragment.isEmpty, !fragment.hasPrefix("/"),
              case .string(let anchor)? = target.pointer.resolve(in: validator.documents[target.document])?["$dynamicAnchor"],
              anchor == fragment else { return }
        node.dynamicAnchor = anchor
        validator.dynamicNames.insert(anchor)
        validator.usesDynamicScope = true
    }
}
