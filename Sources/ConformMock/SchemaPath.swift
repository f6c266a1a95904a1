import ConformCore

/// Schema locations of members along a body path (`meta.total` → the schema of `total` and of `meta`).
enum SchemaPath {
    /// The resolved schema pointers of the object holding the last member and of the member itself.
    static func locate(_ path: [String], from root: JSONPointer, in document: JSONValue) -> (parent: JSONPointer, member: JSONPointer?)? {
        guard var view = SchemaView.resolve(root, in: document) else { return nil }
        for (k, name) in path.enumerated() {
            guard let p = view.propertyPointer(name) else { return k == path.count - 1 ? (view.pointer, nil) : nil }
            guard let child = SchemaView.resolve(p, in: document) else { return nil }
            if k == path.count - 1 { return (view.pointer, child.pointer) }
            view = child
        }
        return nil
    }

    /// True when `drift` breaks the member at `path`, so computed values must not overwrite it.
    static func isTouched(_ path: [String], from root: JSONPointer, in document: JSONValue, by drift: SchemaDrift?) -> Bool {
        guard let drift, !path.isEmpty else { return false }
        // A drift on any enclosing member (`meta` dropped) touches the members inside it too.
        for end in 1...path.count {
            let prefix = Array(path[..<end])
            guard let last = prefix.last, let found = locate(prefix, from: root, in: document) else { return false }
            if case .dropRequired(let object, let member) = drift, object == found.parent, member == last { return true }
            if found.member == drift.location { return true }
        }
        return false
    }
}

extension JSONObject {
    /// Sets a value at a member path, creating intermediate objects.
    mutating func set(_ path: [String], _ value: JSONValue?) {
        guard let first = path.first else { return }
        if path.count == 1 { self[first] = value; return }
        var child = self[first]?.objectValue ?? JSONObject()
        child.set(Array(path.dropFirst()), value)
        self[first] = .object(child)
    }

    /// The value at a member path.
    func get(_ path: [String]) -> JSONValue? {
        guard let first = path.first else { return nil }
        if path.count == 1 { return self[first] }
        return self[first]?.objectValue?.get(Array(path.dropFirst()))
    }
}
