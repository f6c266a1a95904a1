/// One validation of one instance: walks the compiled graph, collecting errors (or stopping at the first
/// when only a yes/no is wanted, as inside `anyOf`, `not` and `if`).
///
/// The instance path is a stack of tokens turned into a `JSONPointer` only when an error is reported,
/// so the success path builds no pointers and allocates no error arrays; a yes/no walk keeps only its
/// depth (no error will read it), which spares a retained key and an array append per member. A struct rather than a class:
/// its state then needs no runtime exclusivity checks, which cost 15% of a 10,000-model page.
struct SchemaWalk {
    /// Which members and items the keywords at one instance location evaluated (for `unevaluated*`).
    struct Evaluated {
        var allProperties = false
        var properties: Set<String> = []
        var allItems = false
        var itemPrefix = 0
        var items: Set<Int> = []

        mutating func merge(_ other: Evaluated) {
            allProperties = allProperties || other.allProperties
            if !other.properties.isEmpty { properties.formUnion(other.properties) }
            allItems = allItems || other.allItems
            itemPrefix = max(itemPrefix, other.itemPrefix)
            if !other.items.isEmpty { items.formUnion(other.items) }
        }
    }

    enum PathToken {
        case key(String)
        case index(Int)
    }

    /// Nested schema evaluations allowed (beyond 8 per instance level) before a `$ref` cycle that never
    /// consumes input is reported.
    static let depthLimit = 400

    let validator: SchemaValidator
    /// Errors live in a box so `fail` need not mutate the walk (its arguments read the walk's path). The
    /// tally decides which errors are built and kept; the others are only counted.
    final class Sink {
        var errors: [SchemaError] = []
        var tally: FindingTally<SchemaProblem>
        init(limit: FindingLimit) { tally = FindingTally(limit: limit) }
    }
    let sink: Sink
    var errors: [SchemaError] { sink.errors }
    var collecting = true
    var path: [PathToken] = []
    /// The instance depth, kept in both modes (`path` only while collecting): the `$ref` cycle guard reads it.
    var pathDepth = 0
    let dynamicScope: Bool
    /// The `$dynamicRef` scope: resource ids entered, outermost first (kept only when a dynamic ref exists).
    var scope: [Int] = []
    var depth = 0

    init(validator: SchemaValidator, dynamicScope: Bool, limit: FindingLimit = .unlimited) {
        self.validator = validator
        sink = Sink(limit: limit)
        self.dynamicScope = dynamicScope
        path.reserveCapacity(16)
    }

    var instancePointer: JSONPointer {
        JSONPointer(tokens: path.map { token in
            switch token {
            case .key(let k): return k
            case .index(let i): return String(i)
            }
        })
    }

    /// Steps into a member or item. `collecting` must not change before the matching `leave()`.
    @inline(__always)
    mutating func enter(_ token: @autoclosure () -> PathToken) {
        pathDepth += 1
        if collecting { path.append(token()) }
    }

    @inline(__always)
    mutating func leave() {
        pathDepth -= 1
        if collecting { path.removeLast() }
    }

    /// Reports that `keyword` of `node` fails at the current value (or one member/item below it). When
    /// collecting, the error is counted and, if the limit keeps it, built and recorded: the texts are only
    /// evaluated then. Returns whether the walk should go on (false: stop at the first error).
    @inline(__always)
    func fail(_ node: SchemaNode, _ keyword: String?, _ title: String, _ detail: @autoclosure () -> String,
              expected: @autoclosure () -> String, actual: @autoclosure () -> String,
              below child: PathToken? = nil, argument: String? = nil) -> Bool {
        guard collecting else { return false }
        if sink.tally.admit(problem(node, keyword, below: child, argument: argument)) {
            var e = error(node, keyword, title, detail(), expected: expected(), actual: actual(), below: child)
            e.argument = argument
            sink.errors.append(e)
        }
        return true
    }

    /// Records an error built elsewhere (a summary of alternatives) when the limit keeps it.
    func record(_ e: SchemaError) {
        if sink.tally.admit(SchemaProblem(of: e)) { sink.errors.append(e) }
    }

    /// The problem `keyword` of `node` failing here (or below) is an instance of.
    func problem(_ node: SchemaNode, _ keyword: String?, below child: PathToken?, argument: String?) -> SchemaProblem {
        var tokens: [String] = []
        tokens.reserveCapacity(path.count + 1)
        func add(_ token: PathToken) {
            switch token {
            case .index: tokens.append("*")
            case .key(let k): tokens.append(JSONPointer.wildcarded(k))
            }
        }
        for t in path { add(t) }
        if let child { add(child) }
        return SchemaProblem(keywordLocation: keyword.map { node.pointer.appending($0) } ?? node.pointer,
                             keywordDocumentURI: node.foreignDocumentURI, keyword: keyword ?? "false", argument: argument,
                             pointer: JSONPointer(tokens: tokens))
    }

    /// Validates `value` against `node`; `eval` (when not nil) receives what this location's keywords evaluated.
    mutating func check(_ node: SchemaNode, _ value: JSONValue, _ eval: inout Evaluated?) -> Bool {
        if node.onlyType, let types = node.types, types.admits(value) { return true }
        if let b = node.boolean {
            if b { return true }
            return fail(node, nil, "false schema", "no value is allowed here, got \(value.typedDescription())",
                        expected: "nothing", actual: value.typedDescription()) && false
        }
        if node.nullable, case .null = value { return true }
        depth += 1
        defer { depth -= 1 }
        // Deep data legitimately nests deep; only nesting that outgrows the instance path is a cycle.
        if depth > Self.depthLimit && depth > Self.depthLimit + 8 * pathDepth {
            return fail(node, nil, "schema recursion",
                        "schema references nest deeper than \(Self.depthLimit) levels at this value (a $ref cycle?)",
                        expected: "finite nesting", actual: value.typedDescription()) && false
        }
        var pushed = false
        if dynamicScope, scope.last != node.resourceID { scope.append(node.resourceID); pushed = true }
        defer { if pushed { scope.removeLast() } }
        if node.onlyRef, let target = node.ref { return check(target, value, &eval) }

        var local: Evaluated? = (eval != nil || node.tracksEvaluation) ? Evaluated() : nil
        var ok = true
        if let types = node.types, !types.admits(value) {
            ok = false
            guard failType(node, types, value) else { return false }
        }
        if node.enumValues != nil || node.constValue != nil {
            ok = checkValue(node, value) && ok
            if !ok && !collecting { return false }
        }
        // Flags first: binding a payload costs a retain, and most leaves have no keywords for their type.
        if node.hasObjectKeywords, case .object(let o) = value { ok = checkObject(node, o, &local) && ok }
        else if node.hasArrayKeywords, case .array(let a) = value { ok = checkArray(node, a, &local) && ok }
        else if node.hasStringKeywords, case .string(let s) = value { ok = checkString(node, s) && ok }
        else if node.hasNumberKeywords, case .number(let n) = value { ok = checkNumber(node, n) && ok }
        if !ok && !collecting { return false }
        if node.hasApplicators || node.discriminator != nil {
            ok = checkApplicators(node, value, &local) && ok
            if !ok && !collecting { return false }
        }
        if node.tracksEvaluation {
            ok = checkUnevaluated(node, value, &local) && ok
        }
        if ok, eval != nil, let local { eval!.merge(local) }
        return ok
    }

    /// Validates with errors collected into a fresh list (under the walk's limit), then restores the walk's state.
    mutating func separately(_ node: SchemaNode, _ value: JSONValue) -> (valid: Bool, errors: [SchemaError], tally: FindingTally<SchemaProblem>) {
        let savedErrors = sink.errors, savedTally = sink.tally, savedCollecting = collecting
        sink.errors = []; sink.tally = FindingTally(limit: savedTally.limit); collecting = true
        var none: Evaluated? = nil
        let valid = check(node, value, &none)
        let found = sink.errors, tally = sink.tally
        sink.errors = savedErrors; sink.tally = savedTally; collecting = savedCollecting
        return (valid, found, tally)
    }

    /// Adds the errors of a `separately` run to the walk's: its kept errors as if found here, its counts as counts.
    func merge(_ errors: [SchemaError], _ tally: FindingTally<SchemaProblem>) {
        for e in errors { record(e) }
        for o in tally.omitted { sink.tally.omit(o.problem, count: o.count) }
        sink.tally.omitUnlisted(tally.unlisted)
    }

    /// Validates as a yes/no question: no errors recorded, stops at the first failure.
    mutating func quietly(_ node: SchemaNode, _ value: JSONValue, _ eval: inout Evaluated?) -> Bool {
        let saved = collecting
        collecting = false
        let valid = check(node, value, &eval)
        collecting = saved
        return valid
    }
}
