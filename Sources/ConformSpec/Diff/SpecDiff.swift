import ConformCore

/// Compares the operations of two versions of a specification and lists every change with its rule, level
/// and both locations. Only what a model-listing client depends on is compared: operations, parameters,
/// response statuses and JSON response bodies.
///
/// ```
/// ERR  response-property-became-optional  GET /v5/models  200 items[*].model_vendor
///      the response property became optional  (old.yaml:212, new.yaml:215)
/// ```
public struct SpecDiff {
    /// One side of the comparison: where its nodes live and its operations.
    public struct Side {
        public let documents: SpecDocuments
        public let operations: [SpecOperation]
        public init(documents: SpecDocuments, operations: [SpecOperation]) { self.documents = documents; self.operations = operations }
    }

    let old: Side
    let new: Side
    var changes: [SpecChange] = []
    /// Pairs of schema nodes being compared on the current path (recursive schemas end).
    var visited: Set<String> = []
    /// Schema nodes (old side) an operation comparison reached: components compared on their own are the others.
    var reached: Set<String> = []

    /// Every change from `old` to `new`, in operation order; with `components`, then the
    /// `components.schemas` both documents name alike that no compared operation reached (operation
    /// `components`): two documents that share a schema but not an operation still show its drift.
    public static func compare(old: Side, new: Side, components: Bool = false) throws(SpecError) -> [SpecChange] {
        var diff = SpecDiff(old: old, new: new)
        try diff.run()
        if components { try diff.compareComponents() }
        return diff.changes
    }

    mutating func compareComponents() throws(SpecError) {
        guard let a = old.documents.root.member("components")?.member("schemas"),
              let b = new.documents.root.member("components")?.member("schemas") else { return }
        for (name, os) in a.members {
            guard let ns = b.member(name), !reached.contains(try old.documents.resolve(os).identity) else { continue }
            try compareSchema(os, ns, operation: "components", status: "schemas." + name, path: "")
        }
    }

    mutating func run() throws(SpecError) {
        let newPaths = Set(new.operations.map { SpecOperation.Key(method: "", path: $0.key.path).shape })
        for o in old.operations {
            guard let n = new.operations.first(where: { $0.key.matches(o.key) }) else {
                let pathGone = !newPaths.contains(SpecOperation.Key(method: "", path: o.key.path).shape)
                add(pathGone ? .apiPathRemoved : .apiRemoved, o.key.description, "", pathGone ? "the path and its operation were removed" : "the operation was removed",
                    old: old.documents.location(of: o.node), new: nil)
                continue
            }
            try compareOperation(o, n)
        }
        for n in new.operations where !old.operations.contains(where: { $0.key.matches(n.key) }) {
            add(.endpointAdded, n.key.description, "", "the operation was added", old: nil, new: new.documents.location(of: n.node))
        }
    }

    mutating func add(_ rule: SpecRule, _ operation: String, _ subject: String, _ message: String, old: SourceLocation?, new: SourceLocation?) {
        changes.append(SpecChange(rule: rule, operation: operation, subject: subject, message: message, old: old, new: new))
    }

    mutating func compareOperation(_ o: SpecOperation, _ n: SpecOperation) throws(SpecError) {
        let op = n.key.description
        try compareParameters(o, n)
        for r in o.responses {
            guard let m = n.response(r.status) else {
                let success = r.code.map { (200..<300).contains($0) } ?? false
                add(success ? .successStatusRemoved : .nonSuccessStatusRemoved, op, r.status, "the \(r.status) response was removed",
                    old: old.documents.location(of: r.node), new: new.documents.location(of: n.node.member("responses") ?? n.node))
                continue
            }
            if let os = r.schema, m.schema == nil {
                add(.mediaTypeRemoved, op, r.status, "the \(r.contentType ?? "JSON") body is no longer documented",
                    old: old.documents.location(of: os), new: new.documents.location(of: m.node))
            }
            if let os = r.schema, let ns = m.schema {
                try compareSchema(os, ns, operation: op, status: r.status, path: "")
            }
        }
        for m in n.responses where o.response(m.status) == nil {
            let success = m.code.map { (200..<300).contains($0) } ?? false
            add(success ? .successStatusAdded : .nonSuccessStatusAdded, op, m.status, "the \(m.status) response was added",
                old: old.documents.location(of: o.node.member("responses") ?? o.node), new: new.documents.location(of: m.node))
        }
    }
}
