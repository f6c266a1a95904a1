/// A compiled subschema: keyword values decoded once, subschemas and `$ref` targets linked to other nodes.
///
/// Nodes are built under the validator's lock and never change once their compile finishes, so many
/// threads may walk the same graph. `$ref` edges may form cycles (recursive schemas); the validator breaks
/// them when it goes away.
final class SchemaNode {
    let document: Int
    /// Where the schema lives in its document: the prefix of every keyword location it reports.
    let pointer: JSONPointer
    /// Base URI for the node's references; also its schema resource, for `$dynamicRef` scopes.
    let base: String
    let resourceID: Int
    /// The document's URI when it is not the validator's own (errors then name it).
    let foreignDocumentURI: String?

    /// `true` / `false` schemas (and the empty schema, compiled as `true`).
    var boolean: Bool?
    /// OpenAPI 3.0: null is valid whatever the other keywords say.
    var nullable = false

    var types: SchemaTypes?
    var enumValues: [JSONValue]?
    /// `enum` made only of strings: membership by hashing instead of JSON equality.
    var enumStrings: Set<String>?
    /// The same strings as a list (matched byte for byte, without unwrapping `JSONValue`s).
    var enumTexts: [String]?
    var constValue: JSONValue?

    var minimum: JSONNumber?
    var maximum: JSONNumber?
    var exclusiveMinimum: JSONNumber?
    var exclusiveMaximum: JSONNumber?
    /// OpenAPI 3.0 boolean forms of `exclusiveMinimum` / `exclusiveMaximum`.
    var minimumIsExclusive = false
    var maximumIsExclusive = false
    var multipleOf: JSONNumber?

    var minLength: Int?
    var maxLength: Int?
    var pattern: SchemaPattern?
    /// Asserted format name (nil when absent or only an annotation).
    var format: String?

    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false
    var prefixItems: [SchemaNode] = []
    var items: SchemaNode?
    var contains: SchemaNode?
    var minContains: Int?
    var maxContains: Int?
    var unevaluatedItems: SchemaNode?

    /// `properties` in schema order; instances usually list members in that order too, so a walk tries
    /// the entry after the last match before hashing the key.
    var propertyList: [(name: String, node: SchemaNode)] = []
    var propertyIndex: [String: Int] = [:]
    /// No two `properties` names are canonically equal (`==`), so a byte-equal name is the one `==` would find.
    var propertyNamesDistinct = true
    /// UTF-8 lengths of the `properties` names: a scan compares these Ints before touching a string.
    var propertyNameLengths: [Int] = []
    var patternProperties: [(pattern: SchemaPattern, node: SchemaNode)] = []
    var additionalProperties: SchemaNode?
    var unevaluatedProperties: SchemaNode?
    var required: [String] = []
    var dependentRequired: [(property: String, requires: [String])] = []
    var dependentSchemas: [(property: String, node: SchemaNode)] = []
    var propertyNames: SchemaNode?
    var minProperties: Int?
    var maxProperties: Int?

    var allOf: [SchemaNode] = []
    var anyOf: [SchemaNode] = []
    var oneOf: [SchemaNode] = []
    var not: SchemaNode?
    var ifNode: SchemaNode?
    var thenNode: SchemaNode?
    var elseNode: SchemaNode?
    var ref: SchemaNode?
    var dynamicRef: SchemaNode?
    /// The anchor name when `$dynamicRef` landed on a matching `$dynamicAnchor` (so it resolves dynamically).
    var dynamicAnchor: String?
    var discriminator: Discriminator?

    /// `$ref`s that did not resolve: reported on every validation, and by `compile(at:)`.
    var unresolved: [(keyword: String, message: String)] = []
    var problems: [SchemaCompileError] = []

    /// Which keyword groups are present, so a walk skips whole groups in one test.
    var hasObjectKeywords = false
    var hasArrayKeywords = false
    var hasStringKeywords = false
    var hasNumberKeywords = false
    var hasApplicators = false
    /// A `$ref` and nothing else that validates (`{"$ref": …, "description": …}`): the walk goes straight to
    /// the target, whose result and annotations are this node's.
    var onlyRef = false
    /// A `type` and nothing else that validates (most leaves): a value of an admitted type passes with no
    /// further work (no annotations, nothing below it).
    var onlyType = false
    var tracksEvaluation: Bool { unevaluatedProperties != nil || unevaluatedItems != nil }

    init(document: Int, pointer: JSONPointer, base: String, resourceID: Int, foreignDocumentURI: String?) {
        self.document = document; self.pointer = pointer; self.base = base; self.resourceID = resourceID
        self.foreignDocumentURI = foreignDocumentURI
    }

    /// Every node this one links to (for reachability: `compile(at:)` problems).
    var children: [SchemaNode] {
        var out = prefixItems + allOf + anyOf + oneOf
        out += [items, contains, unevaluatedItems, additionalProperties, unevaluatedProperties, propertyNames,
                not, ifNode, thenNode, elseNode, ref, dynamicRef].compactMap { $0 }
        out += propertyList.map(\.node)
        out += patternProperties.map(\.node) + dependentSchemas.map(\.node)
        out += discriminator?.mapping.map(\.node) ?? []
        return out
    }

    /// Drops the edges that can close a cycle, so a validator's graph is freed with it.
    func unlink() {
        ref = nil; dynamicRef = nil; discriminator = nil
        prefixItems = []; allOf = []; anyOf = []; oneOf = []; propertyList = []; patternProperties = []
        dependentSchemas = []
        items = nil; contains = nil; unevaluatedItems = nil; additionalProperties = nil; unevaluatedProperties = nil
        propertyNames = nil; not = nil; ifNode = nil; thenNode = nil; elseNode = nil
    }
}
