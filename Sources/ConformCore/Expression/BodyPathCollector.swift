/// Collects the body member paths an expression reads, so the loader can flag a field no schema mentions.
///
/// Indexes and projections become `*`; a lambda parameter over a body list reads `list + ["*"]`
/// (`all(items, v => v.id != "")` reads `["items", "*", "id"]`).
struct BodyPathCollector {
    let variables: Set<String>
    private(set) var paths: [[String]] = []
    private var seen: Set<[String]> = []

    init(variables: Set<String>) { self.variables = variables }

    /// `bindings`: lambda parameters in scope, each with the body path it ranges over (nil when not the body).
    mutating func walk(_ node: ExpressionNode, bindings: [String: [String]?], element: [String]?) {
        if node.isPath {
            if let p = path(node, bindings: bindings, element: element), !p.isEmpty { add(p) }
            walkIndexes(node, bindings: bindings, element: element)
            return
        }
        switch node.kind {
        case .literal, .identifier, .element, .member, .index, .projection: break
        case .array(let items): for i in items { walk(i, bindings: bindings, element: element) }
        case .unary(_, let o): walk(o, bindings: bindings, element: element)
        case .binary(_, let l, let r): walk(l, bindings: bindings, element: element); walk(r, bindings: bindings, element: element)
        case .call(_, let args):
            // A projection already ranges over elements (`items[*].id`); a plain list (`items`) gains `*`.
            let elementPath = args.first.flatMap { list -> [String]? in
                guard list.isPath, let p = path(list, bindings: bindings, element: element) else { return nil }
                if case .projection = list.kind { return p }
                return p + ["*"]
            }
            for arg in args {
                if case .lambda(let param, let body) = arg.kind {
                    var inner = bindings
                    inner[param] = .some(elementPath)
                    walk(body, bindings: inner, element: element)
                } else {
                    walk(arg, bindings: bindings, element: element)
                }
            }
        case .lambda(_, let body): walk(body, bindings: bindings, element: element)
        }
    }

    private mutating func add(_ p: [String]) {
        if seen.insert(p).inserted { paths.append(p) }
    }

    /// Index expressions inside a path read paths of their own (`items[len(items) - 1]`).
    private mutating func walkIndexes(_ node: ExpressionNode, bindings: [String: [String]?], element: [String]?) {
        switch node.kind {
        case .member(let base, _): walkIndexes(base, bindings: bindings, element: element)
        case .index(let base, let index):
            walkIndexes(base, bindings: bindings, element: element)
            if !index.isLiteral { walk(index, bindings: bindings, element: element) }
        case .projection(let base, let rest):
            walkIndexes(base, bindings: bindings, element: element)
            walkIndexes(rest, bindings: bindings, element: path(base, bindings: bindings, element: element).map { $0 + ["*"] })
        default: break
        }
    }

    /// The body path of a path node, or nil when it is rooted elsewhere (request, a variable, a literal).
    func path(_ node: ExpressionNode, bindings: [String: [String]?], element: [String]?) -> [String]? {
        switch node.kind {
        case .identifier(let name):
            if let bound = bindings[name] { return bound }
            if variables.contains(name) || name == "request" || name == "response" { return nil }
            return name == "body" ? [] : [name]
        case .element: return element
        case .member(let base, let name): return path(base, bindings: bindings, element: element).map { $0 + [name] }
        case .index(let base, let index):
            guard let b = path(base, bindings: bindings, element: element) else { return nil }
            if case .literal(.string(let key)) = index.kind { return b + [key] }
            return b + ["*"]
        case .projection(let base, let rest):
            let b = path(base, bindings: bindings, element: element)
            return path(rest, bindings: bindings, element: b.map { $0 + ["*"] })
        default: return nil
        }
    }
}
